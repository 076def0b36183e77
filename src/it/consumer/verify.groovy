// Runs after the consumer build: the generated source exists where README.md says, the tests ran,
// and README.md's Maven set-up is the one this project uses.
def generated = new File(basedir, 'target/generated-sources/annotations/com/example/TreeAgeModel.java')
assert generated.isFile() : "gradgen did not write ${generated}"
assert generated.text.contains('public final class TreeAgeModel implements TreeAge, DifferentiableModel')

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'the consumer tests did not run'

// Every line of README.md's build snippet (between the markers) must appear in this pom.xml.
def readmeText = new File(readme).text
def start = readmeText.indexOf('<!-- gradgen:maven-setup -->')
def end = readmeText.indexOf('<!-- /gradgen:maven-setup -->')
assert start >= 0 && end > start : 'README.md has no marked Maven set-up snippet'
def pom = new File(basedir, 'pom.xml').text.readLines()*.trim().findAll { it }
readmeText.substring(start, end).readLines()*.trim()
    .findAll { it && !it.startsWith('<!--') && !it.startsWith('```') && !it.startsWith('...') }
    .each { line -> assert pom.contains(line) : "README line not in the consumer pom: ${line}" }
return true
