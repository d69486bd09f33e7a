evaluate(new File(itSources, '_shared/setup.groovy'))
// Zoho's real accounts server: nothing may be sent to it, and nothing is (the goal fails before any request)
selfClientBuild(properties: ['zoho.accountsUrl': 'https://accounts.zoho.com'])
return true
