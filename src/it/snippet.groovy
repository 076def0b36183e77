// Shared by the verify scripts: README.md's Maven snippets, and whether a pom holds them verbatim.
class Snippet {
  /** The fenced blocks between README.md's gradgen:maven-setup markers, each as its trimmed lines. */
  static List<List<String>> blocks(String readme) {
    def start = readme.indexOf('<!-- gradgen:maven-setup -->')
    def end = readme.indexOf('<!-- /gradgen:maven-setup -->')
    assert start >= 0 && end > start : 'README.md has no marked Maven set-up snippet'
    def blocks = []
    def current = null
    readme.substring(start, end).readLines()*.trim().each { line ->
      if (line.startsWith('```')) {
        if (current == null) { current = [] } else { blocks << current; current = null }
      } else if (current != null && line) {
        current << line
      }
    }
    assert blocks.size() == 2 : "README.md's Maven set-up has ${blocks.size()} blocks, expected the dependency and the plugin"
    return blocks
  }

  /** Asserts that each block's lines appear in the pom one after another, as in README.md. */
  static void assertVerbatim(File pom, List<List<String>> blocks) {
    def lines = pom.text.readLines()*.trim().findAll { it }
    blocks.each { block ->
      def at = (0..(lines.size() - block.size())).find { i -> lines.subList(i, i + block.size()) == block }
      assert at != null : "README.md's block is not verbatim in ${pom}:\n${block.join('\n')}"
    }
  }
}
