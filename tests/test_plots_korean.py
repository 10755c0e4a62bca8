"""helpers.plots in Korean: every figure's own words are Hangul, drawn with a font that has them.

Each public plot helper is drawn with small inputs like the lessons' (texts a Korean
lesson passes in, such as titles and case names, are Korean too), then rendered
with every warning raised as an error, so a "Glyph ... missing" warning fails.
The font check follows matplotlib's own fallback: a character is drawn with the
first font of the text's family list that has it, and every Hangul character
must find that font in the bundled NanumGothic's character map.
"""

from __future__ import annotations

import math
import re
import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text

import helpers.plots
from helpers.i18n import HANGUL_FONT_NAME, LATIN_FONT_NAME, set_language
from helpers.plots import (
    confusion_matrix,
    description,
    plot_activations,
    plot_classes,
    plot_comparison,
    plot_confusion_matrix,
    plot_descent,
    plot_digits,
    plot_error_histogram,
    plot_features_against_target,
    plot_history,
    plot_network,
    plot_predictions,
    plot_probabilities,
    plot_regression,
    plot_runs,
    plot_training,
)

HANGUL = re.compile(r"[\uac00-\ud7a3]")
HISTORY = {
    "loss": [0.9, 0.6, 0.4],
    "accuracy": [0.5, 0.7, 0.8],
    "val_loss": [1.0, 0.7, 0.6],
    "val_accuracy": [0.4, 0.6, 0.7],
}
IMAGES = np.random.default_rng(0).integers(0, 256, size=(5, 784), dtype=np.uint8)
Y_TRUE, Y_PRED = [18.0, 30.5, 24.0, 21.0], [[19.2], [28.9], [24.5], [20.0]]  # from predict
#: Words a lesson passes in, in the lesson's language (the helpers draw them as given).
WORDS = {
    "en": {
        "title": "five digits",
        "cases": ("pixels / 255", "raw pixels"),
        "features": ["weight", "horsepower"],
        "classes": ["setosa", "virginica"],
    },
    "ko": {
        "title": "숫자 다섯 개",
        "cases": ("픽셀 / 255", "원래 픽셀"),
        "features": ["무게", "마력"],
        "classes": ["세토사", "버지니카"],
    },
}
PROBABILITIES = np.eye(10)[[1, 2, 0, 4, 9]] * 0.9 + 0.01  # rows sum to 1
TABLE = np.array([[3504.0, 130.0], [3693.0, 165.0], [2130.0, 88.0], [1835.0, 46.0]])
#: English words a Korean figure may show outside parentheses (where Keras' keys are given,
#: such as "손실 (loss)"): activation names, units, run labels.
CODE_WORDS = {"sigmoid", "tanh", "relu", "softmax", "mpg", "adam", "sgd"}
CODE_WORDS |= {"dense", "digits", "MPG"}  # layer and model names as Keras names them; a unit


def english_words(text: str) -> set[str]:
    """The English words of ``text`` a Korean learner must read: those outside parentheses,
    except the allowed :data:`CODE_WORDS`."""
    return set(re.findall(r"[A-Za-z]{3,}", re.sub(r"\([^()]*\)", "", text))) - CODE_WORDS


def five_hundred_labels() -> tuple[np.ndarray, np.ndarray]:
    """500 digits of which 474 are predicted right."""
    y_true = np.arange(500) % 10
    y_pred = y_true.copy()
    y_pred[:26] = (y_pred[:26] + 1) % 10
    return y_true, y_pred


def digits_network():
    import keras

    # Named, so the figure does not depend on how many layers Keras has named before.
    hidden = keras.layers.Dense(512, activation="relu", name="dense")
    output = keras.layers.Dense(10, activation="softmax", name="dense_1")
    return keras.Sequential([keras.Input(shape=(784,)), hidden, output], name="digits")


#: Every public plot helper, drawn as a lesson draws it; ``words`` are the lesson's.
DRAWINGS = {
    "plot_history": lambda words: plot_history(HISTORY, metric="accuracy"),
    "plot_training": lambda words: plot_training(HISTORY, title=words["title"]),
    "plot_runs": lambda words: plot_runs({"adam": HISTORY, "sgd": {"loss": [1.0, 0.9, 0.8]}}),
    "plot_activations": lambda words: plot_activations(),
    "plot_confusion_matrix": lambda words: plot_confusion_matrix(*five_hundred_labels()),
    "plot_digits": lambda words: plot_digits(
        IMAGES, [1, 2, 3, 4, 5], predictions=[1, 2, 0, 4, 9], title=words["title"]
    ),
    "plot_comparison": lambda words: plot_comparison(
        {
            case: {"accuracy": value, "loss": 1 - value}
            for case, value in zip(words["cases"], (0.948, 0.954), strict=True)
        }
    ),  # fmt: skip
    "plot_predictions": lambda words: plot_predictions(Y_TRUE, Y_PRED, unit="mpg"),
    "plot_error_histogram": lambda words: plot_error_histogram(Y_TRUE, Y_PRED, bins=4),
    "plot_regression": lambda words: plot_regression(Y_TRUE, Y_PRED, unit="mpg"),
    "plot_network": lambda words: plot_network(digits_network()),
    "plot_classes": lambda words: plot_classes(
        TABLE, [0, 0, 1, 1], feature_names=words["features"], class_names=words["classes"]
    ),
    "plot_probabilities": lambda words: plot_probabilities(IMAGES, PROBABILITIES, [1, 2, 3, 4, 5]),
    "plot_features_against_target": lambda words: plot_features_against_target(
        TABLE, Y_TRUE, feature_names=words["features"], target_name="MPG"
    ),
    "plot_descent": lambda words: plot_descent(
        lambda w: (w - 3) ** 2, lambda w: 2 * (w - 3), start=0.0, learning_rates=(0.1, 1.05)
    ),
}


def draw(name: str, language: str) -> Figure:
    """Draw helper ``name`` in ``language`` on a fresh figure and render it.

    Rendering raises any warning, so a character missing from every font fails.
    """
    set_language(language)
    plt.figure()
    result = DRAWINGS[name](WORDS[language])
    fig = result if isinstance(result, Figure) else result.figure
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()
    return fig


def texts(fig: Figure) -> list[Text]:
    """The figure's visible texts: titles, labels, legend, tick labels, annotations."""
    return [text for text in fig.findobj(Text) if text.get_visible() and text.get_text()]


def words(fig: Figure) -> list[str]:
    return [text.get_text() for text in texts(fig)]


@pytest.fixture(scope="module")
def hangul_charmap() -> set[int]:
    path = findfont(FontProperties(family=HANGUL_FONT_NAME), fallback_to_default=False)
    return set(FT2Font(path).get_charmap())


def test_every_public_plot_helper_is_drawn_here():
    public = {name for name in helpers.plots.__all__ if name.startswith("plot_")}
    assert set(DRAWINGS) == public


@pytest.mark.parametrize("name", DRAWINGS)
def test_korean_figures_render_with_no_missing_glyph_and_speak_korean(name):
    fig = draw(name, "ko")  # a "Glyph ... missing" warning would raise here
    shown = words(fig)
    assert any(HANGUL.search(text) for text in shown), shown
    english = {word for text in shown for word in english_words(text)}
    assert not english, f"{name} still shows English: {sorted(english)}"


@pytest.mark.parametrize("name", DRAWINGS)
def test_every_figure_describes_itself_in_english_and_in_korean(name):
    """Its text alternative, the alt text of its picture on the site and the slides."""
    english = description(draw(name, "en"))
    korean = description(draw(name, "ko"))
    assert english and not HANGUL.search(english), english
    assert HANGUL.search(korean), korean
    assert not english_words(korean), f"{name} still describes in English: {korean}"
    numbers = re.compile(r"\d+(?:\.\d+)?")
    assert sorted(numbers.findall(korean)) == sorted(numbers.findall(english))  # the same ones


@pytest.mark.parametrize("name", DRAWINGS)
def test_every_hangul_character_drawn_is_in_the_font_matplotlib_picks_for_it(name, hangul_charmap):
    fig = draw(name, "ko")
    hangul = [text for text in texts(fig) if HANGUL.search(text.get_text())]
    assert hangul
    for text in hangul:
        family = text.get_fontfamily()
        assert family == [LATIN_FONT_NAME, HANGUL_FONT_NAME], (text.get_text(), family)
        # matplotlib draws each character with the first font of the list that has it.
        fonts = [
            set(FT2Font(findfont(
                FontProperties(family=f, style=text.get_style(), weight=text.get_weight()),
                fallback_to_default=False,
            )).get_charmap())
            for f in family
        ]  # fmt: skip
        for char in set(HANGUL.findall(text.get_text())):
            assert ord(char) in hangul_charmap, f"{HANGUL_FONT_NAME} has no {char!r}"
            chosen = next((charmap for charmap in fonts if ord(char) in charmap), None)
            assert chosen is not None, f"no font of {family} has {char!r}"


@pytest.mark.parametrize("name", DRAWINGS)
def test_english_again_gives_the_english_words_and_the_default_fonts(name):
    before = words(draw(name, "en"))
    korean = words(draw(name, "ko"))
    after = words(draw(name, "en"))
    assert after == before and korean != before
    assert not any(HANGUL.search(text) for text in after)
    assert mpl.rcParams["font.family"] == mpl.rcParamsDefault["font.family"]
    assert all(HANGUL_FONT_NAME not in text.get_fontfamily() for text in texts(plt.gcf()))


def test_the_words_of_the_lessons_figures_in_korean():
    set_language("ko")
    ax = plot_confusion_matrix(*five_hundred_labels())
    assert ax.get_title() == "500개 중 474개 정답 (정확도 0.948)"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("예측 클래스", "실제 클래스")
    normalised = plot_confusion_matrix([0, 1, 1], [0, 1, 0], normalize=True, ax=plt.figure().gca())
    assert normalised.get_title() == "3개 중 2개 정답 (정확도 0.667)\n각 행의 합은 1입니다"
    fig = plot_digits(IMAGES, [1, 2, 3, 4, 5], predictions=[1, 2, 0, 4, 9], ncols=3)
    captions = [ax.get_title() for ax in fig.axes[:3]]
    assert captions == ["정답 1\n예측 1", "정답 2\n예측 2", "정답 3\n예측 0"]
    assert plot_digits(IMAGES, [1, 2, 3, 4, 5]).axes[0].get_title() == "정답 1"
    ax = plot_history(HISTORY, ax=plt.figure().gca(), label="adam")
    assert [line.get_label() for line in ax.get_lines()] == ["adam (훈련)", "adam (검증)"]
    assert ax.get_xlabel() == "에포크" and ax.get_ylabel() == "손실 (loss)"
    assert plot_runs({"adam": HISTORY}, ax=plt.figure().gca()).get_title() == (
        "손실 (loss): 실선 = 훈련, 점선 = 검증"
    )
    assert plot_runs({"sgd": {"loss": [1.0]}}, ax=plt.figure().gca()).get_title() == "손실 (loss)"
    assert [ax.get_ylabel() for ax in plot_training(HISTORY).axes] == [
        "손실 (loss)", "정확도 (accuracy)",
    ]  # fmt: skip
    mae = {"mean_absolute_error": [3.0, 2.0], "val_mae": [3.5, 2.5], "my_metric": [1.0, 0.5]}
    assert [ax.get_ylabel() for ax in plot_training(mae).axes] == [
        "평균 절댓값 오차 (mean_absolute_error)",
        "my_metric",
        "평균 절댓값 오차 (mae)",
    ]  # fmt: skip (a learner's own metric keeps its name)
    titles = [ax.get_title() for ax in plot_comparison({"a": {"accuracy": 0.9}}).axes]
    assert titles == ["정확도 (accuracy)"]
    assert [t.get_text() for t in plot_history({"loss": [1.0]}, ax=plt.figure().gca())
            .get_legend().get_texts()] == ["훈련"]  # fmt: skip
    assert [ax.get_xlabel() for ax in plot_regression(Y_TRUE, Y_PRED, unit="mpg").axes] == [
        "실제값 [mpg]", "오차 (예측 - 실제) [mpg]",
    ]  # fmt: skip
    ax = plot_predictions(Y_TRUE, Y_PRED, ax=plt.figure().gca())
    assert ax.get_ylabel() == "예측값"
    assert ax.get_legend().get_texts()[0].get_text() == "완벽한 예측 (y = x)"
    assert plot_error_histogram(Y_TRUE, Y_PRED, ax=plt.figure().gca()).get_ylabel() == "개수"
    titles = [ax.get_title() for ax in plot_activations(softmax_input=(1.0, 2.0)).axes]
    assert titles == ["sigmoid", "tanh", "relu", "softmax: 출력의 합 = 1.00"]


# --------------------------------------------------------------- refusals ---
# One bad call per refusal the plots write (those of helpers.checks included).

REFUSALS = [
    (lambda: plot_history(HISTORY, color="blurple"), ValueError),
    (lambda: plot_history({"loss": np.array(0.5)}), ValueError),
    (lambda: plot_activations(x_range=(0, 1e-46)), ValueError),
    (lambda: plot_history({"loss": [10**400]}), ValueError),
    (lambda: plot_history(HISTORY, metric=["loss"]), TypeError),
    (lambda: plot_history(HISTORY, metric="acc"), ValueError),
    (lambda: plot_history(HISTORY, ax=plt.figure()), TypeError),
    (lambda: plot_training(HISTORY, metrics=3), TypeError),
    (lambda: plot_training(HISTORY, metrics=[]), ValueError),
    (lambda: plot_training(HISTORY, metrics=["loss", "loss"]), ValueError),
    (lambda: plot_runs("adam"), TypeError),
    (lambda: plot_runs({}), ValueError),
    (lambda: plot_runs([HISTORY]), TypeError),
    (lambda: plot_runs({"a": HISTORY, "b": {"loss": [1.0]}}, metric="accuracy"), ValueError),
    (lambda: plot_activations(x_range=(3, -3)), ValueError),
    (lambda: plot_activations(softmax_input=[1.0] * 21), ValueError),
    (lambda: confusion_matrix([0, 10**400], [0, 1]), ValueError),
    (lambda: confusion_matrix([[0, 1], [2]], [0, 1]), ValueError),
    (lambda: confusion_matrix(["a", "b"], [0, 1]), TypeError),
    (lambda: confusion_matrix([0.2, 0.9], [0, 1]), ValueError),
    (lambda: confusion_matrix([0, 2**62], [0, 1]), ValueError),
    (lambda: confusion_matrix([0, 1], [0]), ValueError),
    (lambda: confusion_matrix([0, 1], [[0.5, math.nan]] * 2), ValueError),
    (lambda: confusion_matrix([0, 2], [0, 1], num_classes=2), ValueError),
    (lambda: plot_confusion_matrix([0], [0], normalize="yes"), TypeError),
    (lambda: plot_confusion_matrix([0, 1], [0, 1], class_names="xy"), TypeError),
    (lambda: plot_confusion_matrix([0], [0], class_names=map(str, range(10**9))), ValueError),
    (lambda: plot_confusion_matrix([0, 2], [0, 1], class_names=["x", "y"]), ValueError),
    (lambda: plot_digits(np.zeros((2, 28, 27)), [0, 1]), ValueError),
    (lambda: plot_digits(np.full((1, 784), np.nan), [0]), ValueError),
    (lambda: plot_digits(np.zeros((2, 784)), [0, 1], ncols=0), ValueError),
    (lambda: plot_digits(np.zeros((2, 784)), [0, 1], max_images=10**9), ValueError),
    (lambda: plot_comparison({}), TypeError),
    (lambda: plot_comparison({"a": 1.0}), TypeError),
    (lambda: plot_comparison({"a": {"x": 1}, "b": {"y": 2}}), ValueError),
    (lambda: plot_comparison({"a": {"x": math.nan}}), ValueError),
    (lambda: plot_predictions([1.0, 2.0], [1.0, math.inf]), ValueError),
    (lambda: plot_error_histogram([1.0, 2.0], [math.nan] * 2), ValueError),
    (lambda: plot_error_histogram([1.0], [1.0], bins=0), ValueError),
    (lambda: plot_error_histogram([1e308], [-1e308]), ValueError),
    (lambda: plot_regression([], []), ValueError),
]
#: The arguments of the plot helpers.
ARGUMENTS = {
    "color", "history", "metric", "metrics", "runs", "ax", "x_range", "softmax_input", "y_true",
    "y_pred", "num_classes", "normalize", "class_names", "images", "labels", "ncols",
    "max_images", "results", "bins",
}  # fmt: skip
#: English words that would betray an untranslated sentence (code and values never use them).
ENGLISH = re.compile(r"\b(must|got|has|have|pass|the|should|of|than|usually|found|Every|Each)\b")


@pytest.mark.parametrize(("call", "error"), REFUSALS)
def test_refusals_read_in_korean(call, error):
    with pytest.raises(error) as english:
        call()
    set_language("ko")
    with pytest.raises(error) as korean:
        call()
    message = str(korean.value)
    assert HANGUL.search(message) and not ENGLISH.search(message), message
    # A refusal that starts with the argument's name names it in Korean too.
    first = re.match(r"[A-Za-z_]+", str(english.value)).group()
    if first in ARGUMENTS:
        assert re.search(rf"(?<![A-Za-z_]){first}(?![A-Za-z_])", message), message
