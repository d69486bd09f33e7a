evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def fake = context.get('fake')
  def log = buildLog()
  assert log.contains('To log in, open')
  assert log =~ /and enter code\s+[A-Z0-9]{4}-[A-Z0-9]{4}/
  assert log.contains('Waiting for approval')
  assert log.contains('Logged in: stored Zoho tokens for client ')
  assert fake.count('device:code') == 1
  assert fake.count('device:token') >= 2
  assertOneTokenStoredAndNotLogged(log)
} finally {
  stopFake()
}
return true
