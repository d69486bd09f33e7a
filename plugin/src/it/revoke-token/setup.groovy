evaluate(new File(itSources, '_shared/setup.groovy'))
selfClientBuild()
return true
