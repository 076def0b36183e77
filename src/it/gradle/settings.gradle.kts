rootProject.name = "tree-age"
