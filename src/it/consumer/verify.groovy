// Runs after the consumer build: the generated source exists where README.md says, the tests ran,
// and README.md's Maven set-up is the one this project uses.
def generated = new File(basedir, 'target/generated-sources/annotations/com/example/TreeAgeModel.java')
assert generated.isFile() : "gradgen did not write ${generated}"
assert generated.text.contains('public final class TreeAgeModel implements TreeAge, DifferentiableModel')

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0') : 'the consumer tests did not run'
assert !log.contains('WARNING] COMPILATION WARNING') : 'the consumer build has compiler warnings'

// README.md's two Maven snippets appear in this pom verbatim (src/it/fresh checks them alone).
def snippet = new GroovyClassLoader(getClass().classLoader).parseClass(new File(new File(readme).parentFile, 'src/it/snippet.groovy'))
def readmeText = new File(readme).text
snippet.assertVerbatim(new File(basedir, 'pom.xml'), snippet.blocks(readmeText))

// README.md's Gradle set-up is src/it/gradle/build.gradle.kts's, whose sources are this project's,
// and it names the artifacts this build installs.
def gradleDir = new File(new File(readme).parentFile, 'src/it/gradle')
def gradleBuild = new File(gradleDir, 'build.gradle.kts').text
def gradleLines = gradleBuild.readLines()*.trim().findAll { it }
def gStart = readmeText.indexOf('<!-- gradgen:gradle-setup -->')
def gEnd = readmeText.indexOf('<!-- /gradgen:gradle-setup -->')
assert gStart >= 0 && gEnd > gStart : 'README.md has no marked Gradle set-up snippet'
readmeText.substring(gStart, gEnd).readLines()*.trim()
    .findAll { it && !it.startsWith('<!--') && !it.startsWith('```') && !it.startsWith('//') }
    .each { line -> assert gradleLines.contains(line) : "README line not in src/it/gradle/build.gradle.kts: ${line}" }
assert gradleLines.contains("implementation(\"io.gradgen:gradgen-runtime:${projectVersion}\")".toString())
assert gradleLines.contains("annotationProcessor(\"io.gradgen:gradgen-processor:${projectVersion}\")".toString())
['src/main/java/com/example/TreeAge.java', 'src/test/java/com/example/TreeAgeTest.java',
 'src/test/java/com/example/ClasspathTest.java'].each { path ->
  assert new File(gradleDir, path).text == new File(basedir, path).text : "src/it/gradle/${path} differs from the Maven consumer's"
}
return true
