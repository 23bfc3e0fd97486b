"""Chapter 3, section 3.5.3: listings 3.10–3.12 (GradientTape)."""


def test_3_10_gradient_of_a_variable(tf, device, capsys):
    input_var = tf.Variable(initial_value=3.0)
    with tf.GradientTape() as tape:
        result = tf.square(input_var)
    gradient = tape.gradient(result, input_var)
    print(gradient)
    assert capsys.readouterr().out == "tf.Tensor(6.0, shape=(), dtype=float32)\n"
    assert gradient.device.endswith("/device:%s:0" % device)


def test_3_11_watching_a_constant(tf, device, capsys):
    input_const = tf.constant(3.0)
    with tf.GradientTape() as tape:
        tape.watch(input_const)
        result = tf.square(input_const)
    print(tape.gradient(result, input_const))
    assert capsys.readouterr().out == "tf.Tensor(6.0, shape=(), dtype=float32)\n"


def test_3_11_unwatched_constant_has_no_gradient(tf, device):
    input_const = tf.constant(3.0)
    with tf.GradientTape() as tape:
        result = tf.square(input_const)
    assert tape.gradient(result, input_const) is None


def test_3_12_second_order_gradients(tf, device, capsys):
    time = tf.Variable(0.0)
    with tf.GradientTape() as outer_tape:
        with tf.GradientTape() as inner_tape:
            position = 4.9 * time**2
        speed = inner_tape.gradient(position, time)
    acceleration = outer_tape.gradient(speed, time)
    print("speed:", speed)
    print("acceleration:", acceleration)
    assert capsys.readouterr().out == (
        "speed: tf.Tensor(0.0, shape=(), dtype=float32)\n"
        "acceleration: tf.Tensor(9.8, shape=(), dtype=float32)\n"
    )
