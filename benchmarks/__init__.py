"""torchkeras' benchmark suite: every workload on torchkeras and in raw torch
(and on TensorFlow when it is available), in one run.  See README.md here."""
