evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def log = buildLog()
  assert log.contains('Maven runs offline (-o), but the grant token must be exchanged with Zoho. Run without -o')
  assert context.get('fake').requests().isEmpty()
  assert storedTokens().isEmpty()
  assertNoSecrets(log, context.get('secrets'))
} finally {
  stopFake()
}
return true
