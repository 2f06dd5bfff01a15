// Figures from PyTorch: a torch.nn model of this ResNet-20 (projection shortcuts, no conv biases),
// sum(p.numel() for p in model.parameters()): 272,474 with nn.Linear(64, 10), 278,324 with
// nn.Linear(64, 100); torchvision's resnet50: 25,557,032.
def reports = new File(basedir, 'target/reports.txt').readLines().findAll { it.trim() }
assert reports.size() == 3 : "one report per successful build, got ${reports}"
def parse = { line -> line.split(' ').collectEntries { def kv = it.split('='); [(kv[0]): kv[1] as long] } }
def (first, unchanged, edited) = reports.collect(parse)

assert first.resnet20 == 272474L
assert first.resnet50 == 25557032L
// nothing changed: javac did not write the classes again
assert unchanged == first
// the edited spec: regenerated, and the holder recompiled
assert edited.resnet20 == 278324L
assert edited.resnet50 == 25557032L
assert edited.holderWritten > first.holderWritten
assert edited.generatedWritten > first.generatedWritten

// build.log holds the four runs, one after the other
def log = new File(basedir, 'build.log').text
def runs = log.split(/Scanning for projects/).drop(1)
assert runs.size() == 4
assert runs[1].contains('Nothing to compile - all classes are up to date')
assert !runs[1].contains('recompiling demo.Specs')
assert runs[2].contains('[INFO] cnnspec: src/main/cnn/resnet20.cnn changed since demo.ResNet20 was generated; recompiling demo.Specs')
assert runs[3].contains('''[ERROR] src/main/cnn/resnet20.cnn:17:7: error: unknown layer 'fcc100'
[ERROR]       gap fcc100
[ERROR]           ^^^^^^
[ERROR]     hint: did you mean fc100?''')
assert runs[3].contains('cnnspec: 1 of 1 spec files have errors, shown above as file:line:col')
return true
