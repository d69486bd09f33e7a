evaluate(new File(itSources, '_shared/setup.groovy'))
def wrong = '0123456789abcdef0123456789abcdef0123456789'
selfClientBuild(password: { client -> wrong }, secrets: [wrong])
return true
