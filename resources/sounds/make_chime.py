"""Write chime.wav: a short, calm two-tone bell for the end of the workshop timer.

    uv run python resources/sounds/make_chime.py

Pure Python (the ``wave`` module), deterministic: running it again writes the
same bytes, so the committed file can be checked against this script. Two
soft bell strikes a major third apart (E5, then C5), each a sine with a few
quieter partials, a gentle attack and an exponential decay.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22_050
LENGTH_S = 1.6
VOLUME = 0.45  # of full scale: audible in a hall without startling anyone
# (start time in seconds, fundamental in Hz)
STRIKES = ((0.0, 659.26), (0.42, 523.25))
# (frequency ratio, relative amplitude, decay per second) of a soft bell
PARTIALS = ((1.0, 1.0, 3.2), (2.0, 0.32, 5.0), (3.0, 0.12, 7.5), (4.2, 0.05, 10.0))
ATTACK_S = 0.006


def sample(t: float) -> float:
    value = 0.0
    for start, freq in STRIKES:
        u = t - start
        if u < 0:
            continue
        attack = min(1.0, u / ATTACK_S)
        for ratio, amp, decay in PARTIALS:
            value += attack * amp * math.exp(-decay * u) * math.sin(2 * math.pi * freq * ratio * u)
    return value


def render() -> bytes:
    count = int(RATE * LENGTH_S)
    raw = [sample(i / RATE) for i in range(count)]
    peak = max(abs(v) for v in raw) or 1.0
    fade = int(RATE * 0.05)  # no click at the very end
    frames = bytearray()
    for i, v in enumerate(raw):
        gain = min(1.0, (count - i) / fade)
        frames += struct.pack("<h", round(v / peak * VOLUME * gain * 32767))
    return bytes(frames)


def write(path: Path) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(render())


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("chime.wav")
    write(target)
    print(f"wrote {target} ({target.stat().st_size} bytes)")
