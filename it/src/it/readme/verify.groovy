// The quick start built as written: the README's pom.xml untouched, its sources compiled (client generated), the
// plugin stored a token through the README's settings.xml, its test ran and passed (Maven 3.8 included: the POM
// pins Surefire). Then step 5's program, run exactly as step 5 says (its `run` block, in a shell, with this Maven
// first on the PATH) with step 3's environment and ZOHO_ACCOUNTS_URL naming the standalone fake: it prints the
// fake's leads, and zohokit's logging has a binding. The fake's control API is in the README. No secret in any
// output.
import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

def process = context.get('fakeProcess')
try {
  def log = new File(basedir, 'build.log').text
  context.get('files').each { assert new File(basedir, it).isFile(): "not written: ${it}" }
  assert new File(basedir, 'pom.xml').text == context.get('pom'): 'the build changed the README\'s pom.xml'
  assert new File(basedir, 'target/classes/META-INF/zoho/scopes.json').isFile()
  assert log.contains('Stored new Zoho tokens for the 2 scopes of this build')
  assert context.get('tokens').isFile()
  assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0.*LeadsApiTest/:
      "the quick start's test did not run (Maven ${mavenVersion})"
  def fake = context.get('fake')
  def counters = new JsonSlurper().parse(new URL("${fake.control}/counters"))
  assert counters['token:authorization_code'] == 1

  // step 5, as the README says to run it; Maven as the invoker ran it (its local repository and settings: a
  // newcomer's ~/.m2 holds what step 1 installed, this build's is target/it-repository)
  def itSettings = new File(basedir, 'run-settings.xml')
  itSettings.text = new File(itSettingsTemplate).text.replace('@userRepositoryUrl@', userRepositoryUrl)
  new File(basedir, '.mvn/maven.config').text = ['-gs', new File(basedir, 'settings.xml').absolutePath,
      '-s', itSettings.absolutePath, "-Dmaven.repo.local=${localRepositoryPath}",
      '-Daether.offline.protocols=file', mavenOffline == 'offline=true' ? '-o' : ''].join('\n') + '\n'
  def client = fake.self_client
  def shell = new ProcessBuilder('bash', '-euc', context.get('run')).directory(basedir)
  def env = shell.environment()
  env.PATH = new File(mavenHome, 'bin').absolutePath + File.pathSeparator + env.PATH
  env.JAVA_HOME = System.getProperty('java.home')
  env.ZOHO_CLIENT_ID = client.client_id
  env.ZOHO_CLIENT_SECRET = client.client_secret
  env.ZOHO_ACCOUNTS_URL = fake.url
  env.ZOHO_TOKEN_STORE = context.get('tokens').absolutePath     // the token step 4 stored, not ~/.zoho/tokens.json
  env.remove('MAVEN_OPTS')
  env.remove('MAVEN_ARGS')
  def out = new File(basedir, 'run.out')
  def err = new File(basedir, 'run.err')
  def run = shell.redirectOutput(out).redirectError(err).start()
  assert run.waitFor(180, TimeUnit.SECONDS): 'step 5 did not finish in 3 minutes'
  // Maven 3.8's -q still writes an ANSI reset (ESC[0m) at the end: not the program's output
  def printed = out.text.replaceAll(/\u001B\[[0-9;]*m/, '')
  def logged = err.text.replaceAll(/\u001B\[[0-9;]*m/, '')
  println "step 5 (${context.get('run').trim()}) printed:\n${printed}and logged:\n${logged}"
  assert run.exitValue() == 0: "step 5 failed (exit ${run.exitValue()})"
  def calls = new JsonSlurper().parse(new URL("${fake.control}/requests"))
  assert calls.any { it.method == 'GET' && it.path == '/crm/v8/Leads' }: 'step 5 did not call the fake'
  def lines = printed.readLines().findAll { it.trim() }
  assert lines.size() == 3: 'step 5 should print the fake\'s three leads'
  lines.each { assert it =~ /^\S.* <[^@ ]+@example\.com>$/ }
  assert !(printed + logged).contains('SLF4J'): 'zohokit\'s logging has no binding in the README\'s POM'

  // the standalone fake's control API, as GET /_fake lists it, is in the README (issue 26 item 14)
  def readmeText = new File(readme).text
  def listing = new URL(fake.control).openConnection()
  listing.setRequestProperty('Accept', 'application/json')
  def endpoints = new JsonSlurper().parse(listing.inputStream).endpoints
  assert endpoints.size() >= 10
  endpoints.each { assert readmeText.contains("${it.method} ${it.path}"): "the README does not list ${it.method} ${it.path}" }
  context.get('secrets').each { assert !(log + printed + logged).contains(it): 'a secret reached the output' }
} finally {
  if (process != null) {
    process.destroy()
    process.waitFor(10, TimeUnit.SECONDS)
  }
}
return true
