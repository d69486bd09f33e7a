evaluate(new File(itSources, '_shared/setup.groovy'))
selfClientBuild(scopes: ['ZohoCRM.modules.leads.READ'])
return true
