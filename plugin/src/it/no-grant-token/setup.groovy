evaluate(new File(itSources, '_shared/setup.groovy'))
copyApi()
def fake = startFake()
def client = fake.registerSelfClient()
writeProperties(['zoho.accountsUrl': usUrl(fake), 'zoho.tokenStore': tokenFile(), 'zoho.dataCenter': 'eu'])
writeSettings(client.clientId(), client.clientSecret())
return true
