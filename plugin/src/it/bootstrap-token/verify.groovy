evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def fake = context.get('fake')
  def log = buildLog()
  assert log.contains('Stored new Zoho tokens for the 3 scopes of this build')
  assert log.contains('already covers the 3 required scopes')
  assert log.contains('ZohoCRM.modules.leads.CREATE,ZohoCRM.modules.leads.READ,ZohoCRM.users.READ')
  assert log.contains('covers the 3 scopes this build needs')
  assert log.contains('[DEBUG]')
  assert fake.count('token:authorization_code') == 1
  assert fake.count('token:refresh_token') == 0
  assertOneTokenStoredAndNotLogged(log)
} finally {
  stopFake()
}
return true
