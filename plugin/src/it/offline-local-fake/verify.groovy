evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def log = buildLog()
  assert log.contains('Stored new Zoho tokens for the 3 scopes of this build')
  assert context.get('fake').count('token:authorization_code') == 1
  assertOneTokenStoredAndNotLogged(log)
} finally {
  stopFake()
}
return true
