// Plays a newcomer to the README's "Spring Boot" section, nightly-job case: every block marked
// <!-- readme-spring-it: TARGET --> is copied verbatim into this project (TARGET a path; pom.xml is the README's whole
// POM, nothing added) or, for TARGET `run`, kept as the command the README says runs the job (verify.groovy runs it).
// Every java and xml block of the section must be marked (`skip` for a sketch), so that none goes unbuilt. The version
// the README's POM names must be the one this build produces.
//
// Then a fake Zoho stands in for Zoho: its self client's id and secret, a grant code for the manifest's scope and its
// URL go to the build as -D flags (the README's `export ZOHO_CLIENT_ID ...` and `ZOHO_GRANT_TOKEN=... mvn verify`);
// the token file is the environment variable ZOHO_TOKEN_STORE (invoker.properties), as the README says.
import io.github.zohokit.testkit.FakeZoho
import io.github.zohokit.token.DataCenter

def text = new File(readme).text.replace('\r\n', '\n')
def start = text.indexOf('\n## Spring Boot\n')
assert start >= 0: 'README.md has no "## Spring Boot" section'
def end = text.indexOf('\n## ', start + 1)
def section = text.substring(start, end < 0 ? text.length() : end)

def fence = /(?ms)^(<!-- readme-spring-it: (\S+)[^\n]*-->\n)?```(\w*)\n(.*?)^```$/
def blocks = []
def matcher = section =~ fence
while (matcher.find()) {
  def (marker, target, lang, body) = [matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)]
  if (lang in ['java', 'xml']) {
    assert marker != null: "a ${lang} block of the README's Spring section is not marked <!-- readme-spring-it: ... -->:\n${body}"
  }
  if (marker != null && target != 'skip') {
    blocks << [target: target, body: body]
  }
}
def targets = blocks*.target
['pom.xml', 'run', 'src/main/resources/application.properties', 'src/main/java/com/example/sync/NightlySync.java',
 'src/test/java/com/example/sync/LeadsTest.java'].each {
  assert it in targets: "the README's Spring section has no block marked <!-- readme-spring-it: ${it} -->; found ${targets}"
}

def pomBlock = blocks.find { it.target == 'pom.xml' }.body
def named = (pomBlock =~ /<zohokit.version>([^<]+)<\/zohokit.version>/)
assert named.find(): "the README's Spring pom.xml does not define zohokit.version"
assert named.group(1) == zohokitVersion: "the README's Spring pom.xml names zohokit ${named.group(1)}, but this " +
    "build produces ${zohokitVersion}: set <zohokit.version> in README.md"

blocks.findAll { it.target != 'run' }.each { block ->
  def file = new File(basedir, block.target)
  file.parentFile.mkdirs()
  file.text = block.body
}
context.put('files', targets.findAll { it != 'run' })
context.put('pom', pomBlock)
context.put('run', blocks.find { it.target == 'run' }.body)

def fake = FakeZoho.builder().dataCenters(DataCenter.US).seedLeads(4).start()
context.put('fake', fake)
def client = fake.registerSelfClient()
context.put('client', client)
def code = fake.generateGrantCode(client, ['ZohoCRM.modules.leads.READ'])
context.put('secrets', [client.clientSecret(), code])
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = ["-Dzoho.accountsUrl=${fake.baseUrl(DataCenter.US)}",
    "-Dzoho.grantToken=${code}", "-Dzoho.clientId=${client.clientId()}",
    "-Dzoho.clientSecret=${client.clientSecret()}"].join('\n') + '\n'
return true
