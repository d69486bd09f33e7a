// Builds the README's quick start: every block marked <!-- readme-it: TARGET --> is copied into this project, either
// as a file (TARGET is a path) or into a readme-it place of pom.xml (TARGET is pom.xml#PLACE). Every java and xml
// block of the quick start must be marked, so that none goes unbuilt. Then a fake Zoho stands in for Zoho: the
// README's settings.xml gets the fake client's id and secret, and the build a grant code and the fake's URL.
import io.github.zohokit.token.DataCenter
import io.github.zohokit.testkit.FakeZoho
import java.util.regex.Matcher

def text = new File(readme).text.replace('\r\n', '\n')
def start = text.indexOf('\n## Quick start\n')
assert start >= 0: 'README.md has no "## Quick start" section'
def end = text.indexOf('\n## ', start + 1)
def quickStart = text.substring(start, end < 0 ? text.length() : end)

def fence = /(?ms)^(<!-- readme-it: (\S+) -->\n)?```(\w*)\n(.*?)^```$/
def blocks = []
def matcher = quickStart =~ fence
while (matcher.find()) {
  def (marker, target, lang, body) = [matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)]
  if (lang in ['java', 'xml']) {
    assert marker != null: "a ${lang} block of the README's quick start is not marked <!-- readme-it: ... -->:\n${body}"
  }
  if (marker != null) {
    blocks << [target: target, body: body]
  }
}
assert blocks.size() >= 9: "expected the quick start's blocks, found ${blocks*.target}"

def pom = new File(basedir, 'pom.xml')
def pomText = pom.text
blocks.each { block ->
  if (block.target.startsWith('pom.xml#')) {
    def place = "<!-- readme-it: ${block.target.substring('pom.xml#'.length())} -->"
    assert pomText.contains(place): "pom.xml has no place ${place}"
    pomText = pomText.replace(place, block.body)
  } else {
    def file = new File(basedir, block.target)
    file.parentFile.mkdirs()
    file.text = block.body
  }
}
// the README names the released version; this build tests the one just built
assert pomText =~ /<zohokit.version>[^<]+<\/zohokit.version>/
pomText = pomText.replaceFirst(/<zohokit.version>[^<]+<\/zohokit.version>/,
    Matcher.quoteReplacement("<zohokit.version>${zohokitVersion}</zohokit.version>"))
assert !(pomText =~ /<!-- readme-it: /): 'a place of pom.xml was not filled'
pom.text = pomText
context.put('files', blocks*.target.findAll { !it.startsWith('pom.xml#') })

def fake = FakeZoho.start()
context.put('fake', fake)
def client = fake.registerSelfClient()
def code = fake.generateGrantCode(client, ['ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.leads.CREATE'])
context.put('secrets', [client.clientSecret(), code])
def settings = new File(basedir, 'settings.xml')
assert settings.exists(): 'the README has no settings.xml block'
settings.text = settings.text
    .replaceFirst(/<username>[^<]*<\/username>/, Matcher.quoteReplacement("<username>${client.clientId()}</username>"))
    .replaceFirst(/<password>[^<]*<\/password>/, Matcher.quoteReplacement("<password>${client.clientSecret()}</password>"))
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = ['-gs', settings.absolutePath,
    "-Dzoho.accountsUrl=${fake.baseUrl(DataCenter.US)}", "-Dzoho.grantToken=${code}",
    "-Dzoho.tokenStore=${new File(basedir, 'target/tokens.json').absolutePath}"].join('\n') + '\n'
return true
