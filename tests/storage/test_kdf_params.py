"""Argon2id parameters: the floor, calibration, hostile values, the environment override."""

from __future__ import annotations

import pytest

from casetracker.storage import kdf
from casetracker.storage.errors import VaultDamaged
from casetracker.storage.kdf import FLOOR, KdfParams


def fake_timing(monkeypatch: pytest.MonkeyPatch, seconds_at_floor: float) -> None:
    """Make derivations 'take' time proportional to memory x passes, without running them."""

    def seconds_for(params: KdfParams) -> float:
        scale = params.memory_kib / FLOOR.memory_kib * params.iterations / FLOOR.iterations
        return seconds_at_floor * scale

    monkeypatch.setattr(kdf, "_seconds_for", seconds_for)


def test_documented_floor_is_64_mib_two_passes_one_lane() -> None:
    assert KdfParams(memory_kib=65536, iterations=2, lanes=1) == FLOOR


@pytest.mark.parametrize("target", [0, -1, 0.0])
def test_no_positive_target_means_the_floor(target: float) -> None:
    assert kdf.calibrate(target) == FLOOR


def test_calibration_raises_memory_before_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_timing(monkeypatch, seconds_at_floor=0.1)
    assert kdf.calibrate(0.5) == KdfParams(memory_kib=256 * 1024, iterations=2, lanes=1)


def test_calibration_adds_passes_once_memory_reaches_its_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_timing(monkeypatch, seconds_at_floor=0.01)
    params = kdf.calibrate(1.0)
    assert params.memory_kib == kdf.MAX_CALIBRATED_MEMORY_KIB
    assert params.iterations == 12  # 0.08 s per pass at 1 GiB
    assert params.iterations <= kdf.MAX_CALIBRATED_ITERATIONS


def test_slow_machine_never_gets_less_than_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_timing(monkeypatch, seconds_at_floor=3.0)
    assert kdf.calibrate(0.5) == FLOOR


def test_real_calibration_with_a_tiny_target_stays_at_the_floor() -> None:
    assert kdf.calibrate(0.001) == FLOOR


def test_derivation_is_32_bytes_and_depends_on_passphrase_and_salt() -> None:
    salt = bytes(range(16))
    key = kdf.derive("passphrase", salt, FLOOR)
    assert len(key) == 32
    assert kdf.derive("passphrase", salt, FLOOR) == key
    assert kdf.derive("passphrasE", salt, FLOOR) != key
    assert kdf.derive("passphrase", bytes(16), FLOOR) != key


def test_composed_and_decomposed_accents_derive_the_same_key() -> None:
    salt = bytes(16)
    assert kdf.derive("\u00c9l\u00e9na", salt, FLOOR) == kdf.derive(
        "E\u0301le\u0301na", salt, FLOOR
    )


def test_deriving_below_the_floor_is_refused() -> None:
    with pytest.raises(ValueError):
        kdf.derive("x", bytes(16), KdfParams(memory_kib=8192, iterations=2, lanes=1))


def test_parameters_from_a_file_at_the_floor_are_accepted() -> None:
    assert kdf.params_from_untrusted(kdf.params_to_json(FLOOR)) == FLOOR


@pytest.mark.parametrize(
    "change",
    [
        {"memory_kib": 4 * 1024 * 1024 + 1},
        {"iterations": 65},
        {"lanes": 65},
        {"memory_kib": 65535},
        {"iterations": 1},
        {"lanes": 0},
        {"iterations": "2"},
        {"lanes": False},
        {"algorithm": "argon2i"},
    ],
)
def test_absurd_or_weak_parameters_from_a_file_count_as_damage(change: dict[str, object]) -> None:
    untrusted = {**kdf.params_to_json(FLOOR), **change}
    with pytest.raises(VaultDamaged) as caught:
        kdf.params_from_untrusted(untrusted)
    assert caught.value.region == "header"


def test_parameters_that_are_not_an_object_count_as_damage() -> None:
    samples: list[object] = [None, [], "argon2id", {"algorithm": "argon2id"}]
    for untrusted in samples:
        with pytest.raises(VaultDamaged):
            kdf.params_from_untrusted(untrusted)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [(None, 0.5), ("250", 0.25), (" 1500 ", 1.5), ("0", 0.0), ("-20", -0.02), ("fast", 0.5)],
)
def test_environment_sets_the_calibration_target_in_milliseconds(
    monkeypatch: pytest.MonkeyPatch, value: str | None, seconds: float
) -> None:
    if value is None:
        monkeypatch.delenv(kdf.TARGET_ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(kdf.TARGET_ENV_VAR, value)
    targets: list[float] = []

    def record(target: float) -> KdfParams:
        targets.append(target)
        return FLOOR

    monkeypatch.setattr(kdf, "calibrate", record)
    kdf.default_params()
    assert targets == [pytest.approx(seconds)]


@pytest.mark.parametrize("value", ["0", "-5"])
def test_environment_can_lower_the_cost_only_to_the_floor(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(kdf.TARGET_ENV_VAR, value)
    assert kdf.default_params() == FLOOR
