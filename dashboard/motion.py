"""Page CSS that keeps Streamlit's waiting states still: no frame is drawn for them while nothing changes."""

from __future__ import annotations

# Streamlit pulses a placeholder (stSkeleton) for every element whose code is still loading, forever, and fades each
# element of a rerunning page over 1 s once the run takes 0.5 s. Each is an animation the browser draws at up to 60
# frames a second (in software without a GPU), for as long as the wait lasts: under load, a page's first minute. Here
# a placeholder stays a still grey block, and a stale element dims at once after the same 0.5 s.
STILL_CSS = """[data-testid="stSkeleton"] {animation: none !important;}
[data-stale="true"] {transition: opacity 0s linear 0.5s !important;}"""
