"""The code cells of TF's guide "NumPy API on TensorFlow" (class names and random values
aside), run as ``python tnp_guide_script.py torchkeras|tensorflow``."""

import sys
import numpy as np

if sys.argv[1] == "torchkeras":
    import torchkeras as tf
    import torchkeras.experimental.numpy as tnp
else:
    import tensorflow as tf
    import tensorflow.experimental.numpy as tnp
tnp.experimental_enable_numpy_behavior()
ones = tnp.ones([5, 3], dtype=tnp.float32)
print(
    "Created ND array with shape = %s, rank = %s, "  # codespell:ignore nd - the guide's text
    "dtype = %s on device = %s\n" % (ones.shape, ones.ndim, ones.dtype, ones.device)
)
print("Is `ones` an instance of tf.Tensor: %s\n" % isinstance(ones, tf.Tensor))
print("ndarray.T has shape %s" % str(ones.T.shape))
print("narray.reshape(-1) has shape %s" % ones.reshape(-1).shape)
print("Type promotion for operations")
values = [tnp.asarray(1, dtype=d) for d in (tnp.int32, tnp.int64, tnp.float32, tnp.float64)]
for i, v1 in enumerate(values):
    for v2 in values[i + 1 :]:
        print("%s + %s => %s" % (v1.dtype.name, v2.dtype.name, (v1 + v2).dtype.name))
print("Type inference during array creation")
print("tnp.asarray(1).dtype == tnp.%s" % tnp.asarray(1).dtype.name)
print("tnp.asarray(1.).dtype == tnp.%s\n" % tnp.asarray(1.0).dtype.name)
tnp.experimental_enable_numpy_behavior(prefer_float32=True)
print("When prefer_float32 is True:")
print("tnp.asarray(1.).dtype == tnp.%s" % tnp.asarray(1.0).dtype.name)
print("tnp.add(1., 2.).dtype == tnp.%s" % tnp.add(1.0, 2.0).dtype.name)
tnp.experimental_enable_numpy_behavior(prefer_float32=False)
print("When prefer_float32 is False:")
print("tnp.asarray(1.).dtype == tnp.%s" % tnp.asarray(1.0).dtype.name)
print("tnp.add(1., 2.).dtype == tnp.%s" % tnp.add(1.0, 2.0).dtype.name)
x = tnp.ones([2, 3])
y = tnp.ones([3])
z = tnp.ones([1, 2, 1])
print(
    "Broadcasting shapes %s, %s and %s gives shape %s"
    % (x.shape, y.shape, z.shape, (x + y + z).shape)
)
x = tnp.arange(24).reshape(2, 3, 4)
print("Basic indexing")
print(x[1, tnp.newaxis, 1:3, ...], "\n")
print("Boolean indexing")
print(x[:, (True, False, True)], "\n")
print("Advanced indexing")
print(x[1, (0, 0, 1), tnp.asarray([0, 1, 1])])
try:
    tnp.arange(6)[1] = -1
except TypeError:
    print("Currently, TensorFlow NumPy does not support mutation.")


class Model(object):
    def __init__(self):
        self.weights = None

    def predict(self, inputs):
        if self.weights is None:
            size = inputs.shape[1]
            stddev = tnp.sqrt(size).astype(tnp.float32)
            w1 = tnp.random.randn(size, 64).astype(tnp.float32) / stddev
            bias = tnp.random.randn(64).astype(tnp.float32)
            w2 = tnp.random.randn(64, 2).astype(tnp.float32) / 8
            self.weights = (w1, bias, w2)
        else:
            w1, bias, w2 = self.weights
        y = tnp.matmul(inputs, w1) + bias
        y = tnp.maximum(y, 0)  # Relu
        return tnp.matmul(y, w2)  # Linear projection


model = Model()
p = model.predict(tnp.ones([2, 32], dtype=tnp.float32))
print(p.shape, p.dtype)
np_sum = np.sum(tnp.ones([2, 3]))
print("sum = %s. Class: %s" % (float(np_sum), np_sum.__class__))
tnp_sum = tnp.sum(np.ones([2, 3]))
print("sum = %s. Class: %s" % (float(tnp_sum), tnp_sum.__class__.__name__))
x = tnp.ones([2]) + np.ones([2])
print("x = %s\nclass = %s" % (x, x.__class__.__name__))
x = tf.constant([1, 2])
print(x)
tnp_x = tnp.asarray(x)
print(tnp_x)
print(tf.convert_to_tensor(tnp_x))
print(x.numpy(), x.numpy().__class__)
tf_sum = tf.reduce_sum(tnp.ones([2, 3], tnp.float32))
print("Output = %s" % tf_sum)
tnp_sum = tnp.sum(tf.ones([2, 3]))
print("Output = %s" % tnp_sum)
x = tnp.ones([2, 2]) + tf.ones([2, 1])
print("x = %s\nClass = %s" % (x, x.__class__.__name__))


def create_batch(batch_size=32):
    return (
        tnp.random.randn(batch_size, 32).astype(tnp.float32),
        tnp.random.randn(batch_size, 2).astype(tnp.float32),
    )


def compute_gradients(model, inputs, labels):
    with tf.GradientTape() as tape:
        assert model.weights is not None
        tape.watch(model.weights)
        prediction = model.predict(inputs)
        loss = tnp.sum(tnp.square(prediction - labels))
    return tape.gradient(loss, model.weights)


inputs, labels = create_batch()
gradients = compute_gradients(model, inputs, labels)
print("Parameter shapes:", [w.shape for w in model.weights])
print("Gradient shapes:", [g.shape for g in gradients])
assert isinstance(gradients[0], tnp.ndarray)


def prediction_batch_jacobian(inputs):
    with tf.GradientTape() as tape:
        tape.watch(inputs)
        prediction = model.predict(inputs)
    return prediction, tape.batch_jacobian(prediction, inputs)


inp_batch = tnp.ones([16, 32], tnp.float32)
output, batch_jacobian = prediction_batch_jacobian(inp_batch)
print("Output shape: %s, input shape: %s" % (output.shape, inp_batch.shape))
print("Batch jacobian shape:", batch_jacobian.shape)
compiled_compute_gradients = tf.function(compute_gradients)
g = compiled_compute_gradients(model, inputs, labels)
print([x.shape for x in g])
with tf.device("/device:CPU:0"):
    prediction = model.predict(create_batch(5)[0])
    prediction_cpu = tnp.copy(prediction)
print(prediction.device)
print(prediction_cpu.device)
