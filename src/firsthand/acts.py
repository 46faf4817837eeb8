"""Nouns that name acts, shared by the stages that read them.

The events stage makes events of them ("the deportation of Paul"); the times stage
counts from them ("two days after the funeral" leads from the day the burial was told).
Each noun maps to the verb that labels its kind.
"""

from __future__ import annotations

EVENT_NOUNS = {
    "attack": "attack", "arrest": "arrest", "raid": "raid", "search": "search", "deportation": "deport",
    "detention": "detain", "inspection": "inspect", "killing": "kill", "murder": "kill", "bombing": "bomb",
    "protest": "protest", "demonstration": "protest", "rally": "protest", "meeting": "meet", "visit": "visit",
    "release": "release", "escape": "escape", "abduction": "abduct", "kidnapping": "abduct",
    "shooting": "shoot", "explosion": "explode", "assault": "assault", "execution": "execute",
    "torture": "torture", "clash": "clash", "seizure": "seize", "evacuation": "evacuate",
    "expulsion": "expel", "beating": "beat", "confiscation": "confiscate", "departure": "leave",
    "arrival": "arrive", "return": "return", "invasion": "invade", "occupation": "occupy",
    "siege": "besiege", "ambush": "ambush", "massacre": "kill", "interrogation": "interrogate",
    "imprisonment": "imprison", "crackdown": "crack down", "strike": "strike", "airstrike": "bomb",
    "shelling": "shell", "looting": "loot", "burning": "burn", "eviction": "evict", "trial": "try",
    "hearing": "hear", "funeral": "bury", "election": "elect", "ceremony": "celebrate",
    "transfer": "transfer", "removal": "remove", "closure": "close", "destruction": "destroy",
    "dismissal": "dismiss", "abuse": "abuse", "rape": "rape", "disappearance": "disappear",
    "incident": "incident",
}  # fmt: skip
