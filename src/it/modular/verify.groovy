// Runs after the modular build: it compiled with -Xlint:all -Werror, and the application runs on the
// module path with nothing but java.base, the runtime and itself (no java.compiler at run time).
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('COMPILATION WARNING') : 'the modular build has compiler warnings'
assert new File(basedir, 'target/classes/com/example/modular/LineGradients.class').isFile()

def runtime = new File(localRepositoryPath, "io/gradgen/gradgen-runtime/${projectVersion}/gradgen-runtime-${projectVersion}.jar")
assert runtime.isFile() : "no runtime jar at ${runtime}"
def java = new File(System.getProperty('java.home'), 'bin/java').path
def command = [java, '--limit-modules', 'java.base,io.gradgen,com.example.modular',
    '--module-path', runtime.path + File.pathSeparator + new File(basedir, 'target/classes').path,
    '-m', 'com.example.modular/com.example.modular.Main']
def process = command.execute()
def out = new StringBuilder(), err = new StringBuilder()
process.waitForProcessOutput(out, err)
assert process.exitValue() == 0 : "the modular application failed: ${err}"
assert out.toString().contains('seed loss 0.29837') : out
assert out.toString().contains('robust parameters 17') : out
assert out.toString().contains('dsse/dw 110.0') : out

// README's module-info snippet (between the markers) is this application's.
def readmeText = new File(readme).text
def start = readmeText.indexOf('<!-- gradgen:module-setup -->')
def end = readmeText.indexOf('<!-- /gradgen:module-setup -->')
assert start >= 0 && end > start : 'README.md has no marked module-info snippet'
def moduleInfo = new File(basedir, 'src/main/java/module-info.java').text.readLines()*.trim().findAll { it }
readmeText.substring(start, end).readLines()*.trim()
    .findAll { it && !it.startsWith('<!--') && !it.startsWith('```') }
    .each { line -> assert moduleInfo.contains(line) : "README line not in module-info.java: ${line}" }
return true
