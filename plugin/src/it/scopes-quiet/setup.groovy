evaluate(new File(itSources, '_shared/setup.groovy'))
copyApi()
return true
