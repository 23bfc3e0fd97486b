import collections, numpy as np
import sys
if sys.argv[1] == "tf":
    import tensorflow as tf
else:
    import torchkeras as tf
P = collections.namedtuple("P", "b a")
ds = tf.data.Dataset.from_tensor_slices(P(np.ones((3, 2)), np.zeros(3)))
print(ds.element_spec)
print(ds.batch(2).element_spec)
print(ds.concatenate(ds).element_spec)
print(tf.data.Dataset.zip((ds, ds)).element_spec)
print(next(iter(ds.map(lambda p: [p.a, p.b]))))
print(ds.map(lambda p: [p.a, (p.b, [p.a])]).element_spec)
g = tf.data.Dataset.from_generator(lambda: iter([(1, [2, 3])]), output_types=(tf.int32, tf.int32))
print(g.element_spec)
