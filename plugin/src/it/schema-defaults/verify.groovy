evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def log = buildLog()
  assert log.contains("zoho:schema and zoho:schema-check, to read the organisation's modules, fields and id "
      + "(this project runs generate-records)"): log
  assert log.contains('Modules: Leads, the modules this project\'s compiled APIs name'): log
  assert new File(basedir, 'src/main/zoho/schema/modules/Leads.json').text.contains('"api_name": "Last_Name"')
  def scopes = new File(basedir, 'target/scopes.txt').text.trim().split(',') as Set
  assert scopes.containsAll(['ZohoCRM.settings.modules.READ', 'ZohoCRM.settings.fields.READ', 'ZohoCRM.org.READ',
      'ZohoCRM.modules.leads.READ']): scopes
  assert new File(basedir, 'target/classes/it/zohokit/crm/Lead.class').exists()
  assertOneTokenStoredAndNotLogged(log)
} finally {
  stopFake()
}
return true
