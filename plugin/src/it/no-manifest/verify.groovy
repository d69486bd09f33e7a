evaluate(new File(itSources, '_shared/verify.groovy'))
try {
  def log = buildLog()
  assert log.contains('No scopes to request')
  assert log.contains('-Dzoho.scopes=')
  assert context.get('fake').requests().isEmpty()
} finally {
  stopFake()
}
return true
