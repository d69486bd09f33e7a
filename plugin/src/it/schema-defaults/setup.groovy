evaluate(new File(itSources, '_shared/setup.groovy'))
// the grant code covers the interface's scopes and the metadata scopes; the build is not given zoho.scopes
selfClientBuild(scopes: ['ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.leads.CREATE', 'ZohoCRM.users.READ',
    'ZohoCRM.settings.modules.READ', 'ZohoCRM.settings.fields.READ', 'ZohoCRM.org.READ'])
return true
