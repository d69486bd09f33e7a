// Snapshot -> zoho:generate-records -> javac with zoho-processor (-Werror) -> the tests against the fake Zoho that
// follows the same snapshot, all passing; the generator reported the names it changed and the fields it could not
// type; the processor implemented every generated API.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/zohokit/com/example/crm/zoho')
['Lead', 'LeadsApi', 'Project', 'ProjectsApi', 'ProjectDetailsRow', 'LeadsXProduct', 'LookupRef', 'UserRef']
    .each { assert new File(generated, "${it}.java").isFile(): "not generated: ${it}.java" }
['ZohoLeadsApi', 'ZohoProjectsApi'].each {
  assert new File(basedir, "target/classes/com/example/crm/zoho/${it}.class").isFile(): "not implemented: ${it}"
}
assert log.contains('Leads.default: default is a Java keyword')
assert log.contains('Leads.Hologram: data_type hologram3d is not known to zohokit; generated as JsonNode')
assert log =~ /Tests run: (\d+), Failures: 0, Errors: 0, Skipped: 0.*GeneratedRecordsTest/
def run = (log =~ /Tests run: (\d+), Failures: 0, Errors: 0, Skipped: 0.*GeneratedRecordsTest/)
assert run.find() && run.group(1).toInteger() >= 5
// the manifest lists the generated APIs' scopes, the custom module's included
def scopes = new File(basedir, 'target/classes/META-INF/zoho/scopes.json').text
assert scopes.contains('ZohoCRM.modules.custom.CREATE') && scopes.contains('ZohoCRM.modules.leads.READ')
return true
