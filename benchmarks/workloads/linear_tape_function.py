"""linear_tape_function: ``linear_tape``'s training step (chapter 3's linear classifier,
GradientTape and ``assign_sub``) decorated with ``@tf.function``, 40 full-batch steps, against
the same loop in raw torch autograd.

The function is made once (its one trace happens in the first, untimed round, as a training
loop pays it once); each repetition starts from fresh weights (assigned)."""

from . import linear_tape

DESCRIPTION = "chapter 3's linear classifier: 40 GradientTape steps in @tf.function on (2000, 2)"
UNIT = "ms"
TARGET = 1.0
REPEATS = 25
THREADS = 1
LEARNING_RATE = linear_tape.LEARNING_RATE

steps = linear_tape.steps
torch_version = linear_tape.torch_version


def tf_version(tf, smoke):
    inputs, targets = linear_tape.data()  # NumPy, as in the chapter
    count = steps(smoke)
    W = tf.Variable(initial_value=[[0.5], [0.25]])
    b = tf.Variable(initial_value=tf.zeros(shape=(1,)))

    def model(inputs):
        return tf.matmul(inputs, W) + b

    def square_loss(targets, predictions):
        return tf.reduce_mean(tf.square(targets - predictions))

    @tf.function
    def training_step():
        with tf.GradientTape() as tape:
            predictions = model(inputs)
            loss = square_loss(predictions, targets)
        grad_loss_wrt_W, grad_loss_wrt_b = tape.gradient(loss, [W, b])
        W.assign_sub(grad_loss_wrt_W * LEARNING_RATE)
        b.assign_sub(grad_loss_wrt_b * LEARNING_RATE)
        return loss

    def run():
        W.assign([[0.5], [0.25]])
        b.assign([0.0])
        for _ in range(count):
            training_step()

    return run
