evaluate(new File(itSources, '_shared/setup.groovy'))
def fake = startFake()
def client = fake.registerSelfClient()
writeProperties(['zoho.accountsUrl': usUrl(fake), 'zoho.tokenStore': tokenFile()])
writeSettings(client.clientId(), client.clientSecret())
return true
