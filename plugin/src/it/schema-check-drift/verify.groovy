evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def log = buildLog()
  assert log.contains('BREAKING field-removed Leads.Fax (id 1): phone -> (none)'): log
  assert log.contains('Run mvn zoho:schema and commit')
  def report = new File(basedir, 'target/zohokit/schema-drift.json')
  assert report.exists()
  assert report.text.contains('"code": "field-removed"')
  assertNoSecrets(log, context.get('secrets'))
} finally {
  stopFake()
}
return true
