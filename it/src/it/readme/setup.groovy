// Plays the newcomer of the README's quick start. Every block marked <!-- readme-it: TARGET --> is copied verbatim
// into this project: as a file (TARGET is a path; pom.xml is the README's whole POM, nothing added) or, for TARGET
// `run`, as the shell command step 5 says runs the program (verify.groovy runs it). Every java and xml block of the
// quick start must be marked, so that none goes unbuilt. The version the README's POM names must be the one this
// build produces: a newcomer gets exactly that one from step 1's ./mvnw install.
//
// Then the standalone fake Zoho (the -standalone jar, started as the README's "Testing against a fake Zoho" says)
// stands in for Zoho: its self client goes into the README's settings.xml, a grant code minted through its control
// API (POST /_fake/grant-codes) and its URL go to the build as step 4's -D flags.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.util.concurrent.TimeUnit
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
def targets = blocks*.target
['pom.xml', 'settings.xml', 'run', 'src/main/java/com/example/crm/LeadsReport.java'].each {
  assert it in targets: "the README's quick start has no block marked <!-- readme-it: ${it} -->; found ${targets}"
}

def pomBlock = blocks.find { it.target == 'pom.xml' }.body
def named = (pomBlock =~ /<zohokit.version>([^<]+)<\/zohokit.version>/)
assert named.find(): "the README's pom.xml does not define zohokit.version"
assert named.group(1) == zohokitVersion: "the README's pom.xml names zohokit ${named.group(1)}, but this build " +
    "produces ${zohokitVersion} (what step 1's ./mvnw install puts in ~/.m2): set <zohokit.version> in README.md"
assert text.contains("`${zohokitVersion}`"): "step 1 of the README does not name the version ${zohokitVersion}"

blocks.findAll { it.target != 'run' }.each { block ->
  def file = new File(basedir, block.target)
  file.parentFile.mkdirs()
  file.text = block.body
}
context.put('files', targets.findAll { it != 'run' })
context.put('pom', pomBlock)
context.put('run', blocks.find { it.target == 'run' }.body)

// the standalone fake, as the README starts it (java -jar ...-standalone.jar), from the repository step 1 fills
def jar = new File(localRepositoryPath,
    "io/github/zohokit/zoho-testkit/${zohokitVersion}/zoho-testkit-${zohokitVersion}-standalone.jar")
assert jar.isFile(): "no standalone fake at ${jar}"
def ready = new File(basedir, 'fake.json')
def java = new File(System.getProperty('java.home'), 'bin/java').path
def fakeLog = new File(basedir, 'fake.log')
def process = new ProcessBuilder(java, '-jar', jar.path, '--port', '0', '--self-client', '--seed-leads', '3',
    '--ready-file', ready.path).redirectErrorStream(true).redirectOutput(fakeLog).start()
context.put('fakeProcess', process)
long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
while (!ready.isFile() && process.isAlive() && System.nanoTime() < deadline) {
  Thread.sleep(100)
}
assert ready.isFile(): "the standalone fake did not start:\n${fakeLog.text}"
def fake = new JsonSlurper().parse(ready)
context.put('fake', fake)

def post = { String url, Map body ->
  def connection = new URL(url).openConnection()
  connection.requestMethod = 'POST'
  connection.doOutput = true
  connection.setRequestProperty('Content-Type', 'application/json')
  connection.outputStream.withStream { it << JsonOutput.toJson(body).getBytes('UTF-8') }
  assert connection.responseCode == 200: "POST ${url}: HTTP ${connection.responseCode}"
  new JsonSlurper().parse(connection.inputStream)
}
context.put('post', post)
def client = fake.self_client
def code = post("${fake.control}/grant-codes", [client_id: client.client_id,
    scopes: ['ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.leads.CREATE']]).code
context.put('secrets', [client.client_secret, code])

// step 3: the README's settings.xml with the fake's client; step 4: the grant code and the fake's URL
def settings = new File(basedir, 'settings.xml')
settings.text = settings.text
    .replaceFirst(/<username>[^<]*<\/username>/, Matcher.quoteReplacement("<username>${client.client_id}</username>"))
    .replaceFirst(/<password>[^<]*<\/password>/, Matcher.quoteReplacement("<password>${client.client_secret}</password>"))
def tokens = new File(basedir, 'target/tokens.json')
context.put('tokens', tokens)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = ['-gs', settings.absolutePath,
    "-Dzoho.accountsUrl=${fake.url}", "-Dzoho.grantToken=${code}",
    "-Dzoho.tokenStore=${tokens.absolutePath}"].join('\n') + '\n'
return true
