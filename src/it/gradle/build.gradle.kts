// A user's Gradle build of the consumer project in ../consumer, set up as README.md says. The
// Maven build checks that README.md's Gradle snippet is this file's (see ../consumer/verify.groovy);
// Gradle itself cannot be downloaded where gradgen's CI runs, so this build is not run there.
plugins {
    java
}

repositories {
    mavenLocal() // the snapshot, after 'mvn install'; a release comes from Maven Central
    mavenCentral()
}

dependencies {
    implementation("io.gradgen:gradgen-runtime:0.1.0-SNAPSHOT")
    annotationProcessor("io.gradgen:gradgen-processor:0.1.0-SNAPSHOT")

    testImplementation(platform("org.junit:junit-bom:5.14.1"))
    testImplementation("org.junit.jupiter:junit-jupiter")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")
}

tasks.withType<JavaCompile>().configureEach {
    options.release.set(17)
}

// gradgen's annotations and generated code compile without a lint warning (not the tests: javac's
// -Xlint:processing warns that no annotation processor claims JUnit's @Test).
tasks.compileJava {
    options.compilerArgs.addAll(listOf("-Xlint:all", "-Werror"))
}

tasks.test {
    useJUnitPlatform()
}
