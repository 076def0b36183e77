// Runs after the fresh build: README.md's two Maven snippets, pasted into a pom that has nothing
// else, are enough on the Maven that ran this build (3.8.7 in CI): gradgen ran and the jar was made.
def root = new File(readme).parentFile
def snippet = new GroovyClassLoader(getClass().classLoader).parseClass(new File(root, 'src/it/snippet.groovy'))
def pom = new File(basedir, 'pom.xml')
snippet.assertVerbatim(pom, snippet.blocks(new File(readme).text))
assert !pom.text.contains('<properties>') && !pom.text.contains('<pluginManagement>') : 'the fresh pom must hold nothing but the snippets'

def generated = new File(basedir, 'target/generated-sources/annotations/com/example')
assert new File(generated, 'SeedNetModel.java').isFile() : 'gradgen did not generate SeedNetModel'
assert new File(generated, 'RobustGradients.java').isFile() : 'gradgen did not generate RobustGradients'
assert new File(basedir, 'target/classes/com/example/SeedNetModel.class').isFile()
assert new File(basedir, 'target/fresh-1.0.jar').isFile() : 'the fresh build did not reach the jar'
def log = new File(basedir, 'build.log').text
assert !log.contains('Source option 5 is no longer supported')
return true
