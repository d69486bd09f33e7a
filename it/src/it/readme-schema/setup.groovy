// Plays the newcomer who finished the README's quick start and now follows "Typed records from your org". The quick
// start's marked files are written as the readme IT writes them (pom.xml, sources, settings.xml), then step 1 of the
// section: its <!-- readme-it: pom.xml execution --> block goes into the zoho-maven-plugin's <executions>. The
// section's other blocks are applied by verify.groovy, in order.
//
// "Your org" is the standalone fake Zoho following a snapshot with a custom module (the schema-records IT's:
// Leads with a subform and picklists, Projects__c with a lookup to Leads), started with --schema as the README says.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit
import java.util.regex.Matcher

def text = new File(readme).text.replace('\r\n', '\n')
def section = { String title ->
  def start = text.indexOf("\n## ${title}\n")
  assert start >= 0: "README.md has no \"## ${title}\" section"
  def end = text.indexOf('\n## ', start + 1)
  text.substring(start, end < 0 ? text.length() : end)
}
// a marked block, possibly indented (a list item's): its text without the indentation
def blocks = { String part ->
  def found = []
  def matcher = part =~ /(?ms)^( *)<!-- readme-it: ([^>]+?) -->\n\1```(\w*)\n(.*?)^\1```$/
  while (matcher.find()) {
    def indent = matcher.group(1)
    def body = matcher.group(4).readLines().collect { it.startsWith(indent) ? it.substring(indent.length()) : it }
    found << [target: matcher.group(2), lang: matcher.group(3), body: body.join('\n') + '\n']
  }
  found
}

def quickStart = blocks(section('Quick start'))
quickStart.findAll { it.target != 'run' }.each { block ->
  def file = new File(basedir, block.target)
  file.parentFile.mkdirs()
  file.text = block.body
}
def typed = section('Typed records from your org')
def steps = blocks(typed)
assert steps*.target == ['pom.xml execution', 'run snapshot', 'run token',
    'src/test/java/com/example/crm/TypedRecordsTest.java', 'run check']:
    "the section's marked blocks changed: ${steps*.target}; update this IT"
def fences = (typed =~ /(?m)^ *```(java|xml)$/).size()
assert fences == steps.count { it.lang in ['java', 'xml'] }:
    'a java or xml block of "Typed records from your org" is not marked <!-- readme-it: ... -->'
context.put('steps', steps)

// step 1: the execution, into the zoho-maven-plugin's <executions> of the quick start's POM
def pom = new File(basedir, 'pom.xml')
def pluginAt = pom.text.indexOf('<artifactId>zoho-maven-plugin</artifactId>')
def executionsAt = pom.text.indexOf('<executions>', pluginAt)
assert pluginAt > 0 && executionsAt > 0: "the quick start's POM has no zoho-maven-plugin <executions>"
def execution = steps[0].body.readLines().collect { '          ' + it }.join('\n')
pom.text = pom.text.substring(0, executionsAt + '<executions>'.length()) + '\n' + execution +
    pom.text.substring(executionsAt + '<executions>'.length())

// the fake of "your org"
def jar = new File(localRepositoryPath,
    "io/github/zohokit/zoho-testkit/${zohokitVersion}/zoho-testkit-${zohokitVersion}-standalone.jar")
assert jar.isFile(): "no standalone fake at ${jar}"
def org = new File(zohokitRoot, 'it/src/it/schema-records/src/main/zoho/schema').canonicalFile
assert new File(org, 'modules/Projects__c.json').isFile()
context.put('org', org)
def ready = new File(basedir, 'fake.json')
def java = new File(System.getProperty('java.home'), 'bin/java').path
def fakeLog = new File(basedir, 'fake.log')
def process = new ProcessBuilder(java, '-jar', jar.path, '--port', '0', '--self-client', '--schema', org.path,
    '--ready-file', ready.path).redirectErrorStream(true).redirectOutput(fakeLog).start()
context.put('fakeProcess', process)
long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
while (!ready.isFile() && process.isAlive() && System.nanoTime() < deadline) {
  Thread.sleep(100)
}
assert ready.isFile(): "the standalone fake did not start:\n${fakeLog.text}"
def fake = new JsonSlurper().parse(ready)
context.put('fake', fake)

// step 3 of the quick start: the README's settings.xml with the fake's client
def client = fake.self_client
def settings = new File(basedir, 'settings.xml')
settings.text = settings.text
    .replaceFirst(/<username>[^<]*<\/username>/, Matcher.quoteReplacement("<username>${client.client_id}</username>"))
    .replaceFirst(/<password>[^<]*<\/password>/, Matcher.quoteReplacement("<password>${client.client_secret}</password>"))
// Maven as the invoker runs it (this build's local repository, the user's as a file:// repository)
def itSettings = new File(basedir, 'run-settings.xml')
itSettings.text = new File(itSettingsTemplate).text.replace('@userRepositoryUrl@', userRepositoryUrl)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = ['-gs', settings.absolutePath, '-s', itSettings.absolutePath,
    "-Dmaven.repo.local=${localRepositoryPath}", '-Daether.offline.protocols=file',
    "-Dzoho.accountsUrl=${fake.url}", "-Dzoho.tokenStore=${new File(basedir, 'target/tokens.json').absolutePath}",
    mavenOffline == 'offline=true' ? '-o' : ''].join('\n') + '\n'
context.put('secrets', [client.client_secret])
return true
