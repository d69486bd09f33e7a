evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def log = buildLog()
  assert log.contains("'invalid_code'")
  assert log.contains('already used or has expired')
  assert log.contains('Generate a new one')
  assert storedTokens().isEmpty()
  assertNoSecrets(log, context.get('secrets'))
} finally {
  stopFake()
}
return true
