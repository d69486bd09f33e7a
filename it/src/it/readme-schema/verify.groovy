// "Typed records from your org" followed as written, after the quick start: each marked shell block runs line by
// line in bash with this build's Maven first on the PATH; where a line says ZOHO_GRANT_TOKEN=1000.xxxx, the code is
// generated for the scope string the block's `zoho:scopes` printed just before (as a newcomer pastes it into the API
// Console), through the fake's control API. The POM blocks go where the section says. Then:
//   - zoho:schema wrote the org's snapshot, byte for byte the files the fake serves (org.json aside: its fetch time);
//   - mvn verify generated the records and APIs, compiled them with the processor, stored a token covering the
//     generated APIs' scopes, and ran the section's test (against a fake of the snapshot just written) and the
//     quick start's;
//   - zoho:schema-check found nothing to report and wrote its report.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit
import java.util.regex.Matcher

def process = context.get('fakeProcess')
def fake = context.get('fake')
def steps = context.get('steps')
def transcript = new StringBuilder()
def post = { String url, Map body ->
  def connection = new URL(url).openConnection()
  connection.requestMethod = 'POST'
  connection.doOutput = true
  connection.setRequestProperty('Content-Type', 'application/json')
  connection.outputStream.withStream { it << JsonOutput.toJson(body).getBytes('UTF-8') }
  assert connection.responseCode == 200: "POST ${url}: HTTP ${connection.responseCode}"
  new JsonSlurper().parse(connection.inputStream)
}
def printedScopes = null
def sh = { String line ->
  def command = line
  if (command.contains('1000.xxxx')) {
    assert printedScopes: "no zoho:scopes output before: ${line}"
    def code = post("${fake.control}/grant-codes", [client_id: fake.self_client.client_id,
        scopes: printedScopes.split(',').collect { it.trim() }]).code
    context.get('secrets') << code
    command = command.replace('1000.xxxx', code)
  }
  def shell = new ProcessBuilder('bash', '-euc', command).directory(basedir).redirectErrorStream(true)
  def env = shell.environment()
  env.PATH = new File(mavenHome, 'bin').absolutePath + File.pathSeparator + env.PATH
  env.JAVA_HOME = System.getProperty('java.home')
  env.remove('MAVEN_OPTS')
  env.remove('MAVEN_ARGS')
  def run = shell.start()
  def out = run.inputStream.text.replaceAll(/\u001B\[[0-9;]*m/, '')
  assert run.waitFor(300, TimeUnit.SECONDS)
  transcript << "\$ ${line}\n${out}"
  new File(basedir, 'section.log').text = transcript.toString()
  assert run.exitValue() == 0: "`${line}` failed (exit ${run.exitValue()}):\n${out}"
  if (line.contains('zoho:scopes')) {
    printedScopes = out.readLines().findAll { it.trim() && !it.startsWith('[') }.last().trim()
  }
  out
}
def runBlock = { Map block ->
  block.body.readLines().collect { it.replaceAll(/\s+#.*$/, '') }.findAll { it.trim() }.collect { sh(it) }
}
try {
  // step 2: a token with the metadata scopes (asked for because the POM runs generate-records), then the snapshot
  def snapshotOut = runBlock(steps[1])
  assert printedScopes.split(',').toList().containsAll(['ZohoCRM.settings.modules.READ',
      'ZohoCRM.settings.fields.READ', 'ZohoCRM.org.READ'])
  def org = context.get('org')
  def written = new File(basedir, 'src/main/zoho/schema')
  // every module, every field and every fact of the org's snapshot comes back as the org states it (the fake adds
  // the keys Zoho always sends, such as virtual_field, where the org's snapshot leaves them out)
  ['Leads', 'Leads_X_Products', 'Project_Details', 'Projects__c'].each { name ->
    def file = "modules/${name}.json"
    assert new File(written, file).isFile(): "zoho:schema did not write ${file}"
    def got = new JsonSlurper().parse(new File(written, file))
    def want = new JsonSlurper().parse(new File(org, file))
    want.findAll { it.key != 'fields' }.each { key, value ->
      assert got[key] == value: "${file}: ${key} is ${got[key]}, not ${value}"
    }
    assert got.fields*.api_name == want.fields*.api_name: "${file}: fields ${got.fields*.api_name}"
    want.fields.each { field ->
      def back = got.fields.find { it.api_name == field.api_name }
      field.each { key, value -> assert back[key] == value: "${file}: ${field.api_name}.${key} is ${back[key]}, not ${value}" }
    }
  }
  def orgJson = new JsonSlurper().parse(new File(written, 'org.json'))
  assert orgJson.modules == ['Leads', 'Leads_X_Products', 'Project_Details', 'Projects__c']
  assert orgJson.org_id == new JsonSlurper().parse(new File(org, 'org.json')).org_id

  // step 4's test file is a marked block: written with the others
  def test = new File(basedir, steps[3].target)
  test.parentFile.mkdirs()
  test.text = steps[3].body

  // step 3's token: the generated APIs' scopes; then the whole build
  def tokenOut = runBlock(steps[2])
  ['ZohoCRM.modules.custom.CREATE', 'ZohoCRM.modules.leads.DELETE', 'ZohoCRM.settings.fields.READ'].each {
    assert printedScopes.contains(it): "zoho:scopes did not print ${it}: ${printedScopes}"
  }
  assert !printedScopes.toLowerCase().contains('leadsxproducts'): 'a scope Zoho does not have: ' + printedScopes
  def build = tokenOut.last()
  ['Lead', 'LeadsApi', 'Project', 'ProjectsApi', 'ProjectDetailsRow'].each {
    assert new File(basedir, "target/generated-sources/zohokit/com/example/crm/zoho/${it}.java").isFile()
  }
  assert build =~ /Stored new Zoho tokens for the \d+ scopes of this build/
  assert build =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0.*TypedRecordsTest/
  assert build =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0.*LeadsApiTest/
  assert build.contains('BUILD SUCCESS')
  ['ZohoLeadsApi', 'ZohoProjectsApi'].each {
    assert new File(basedir, "target/classes/com/example/crm/zoho/${it}.class").isFile()
  }

  // step 5: the check
  def check = runBlock(steps[4]).last()
  assert check.contains('BUILD SUCCESS')
  assert new File(basedir, 'target/zohokit/schema-drift.json').isFile()

  println transcript
  context.get('secrets').each { assert !transcript.toString().contains(it): 'a secret reached the output' }
} finally {
  if (process != null) {
    process.destroy()
    process.waitFor(10, TimeUnit.SECONDS)
  }
}
return true
