evaluate(new File(itSources, '_shared/setup.groovy'))
copyApi()
def fake = startFake()
def client = fake.registerSelfClient()
def code = fake.generateGrantCode(client, ['ZohoCRM.modules.leads.ALL', 'ZohoCRM.users.READ'])
context.put('secrets', [client.clientSecret(), code])
writeProperties(['zoho.accountsUrl': usUrl(fake), 'zoho.tokenStore': tokenFile(), 'zoho.grantToken': code])
writeSettings(client.clientId(), client.clientSecret())
return true
