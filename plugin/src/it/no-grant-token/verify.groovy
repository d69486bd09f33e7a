evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def log = buildLog()
  assert log.contains('no grant token was given')
  assert log.contains('https://api-console.zoho.eu')
  assert log.contains('Paste these scopes: ZohoCRM.modules.leads.CREATE,ZohoCRM.modules.leads.READ,ZohoCRM.users.READ')
  assert log.contains('-Dzoho.grantToken=<code>')
  assert context.get('fake').requests().isEmpty()
} finally {
  stopFake()
}
return true
