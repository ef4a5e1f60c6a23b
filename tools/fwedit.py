"""Edit public/data/framework.json safely while others edit other themes.

Usage: python3 tools/fwedit.py SCRIPT.py   (SCRIPT defines edit(fw) and mutates the dict)
Takes an exclusive lock, reads the newest file, applies edit(fw), writes atomically.
"""
import fcntl, json, os, runpy, sys
PATH = os.path.join(os.path.dirname(__file__), "..", "public", "data", "framework.json")
with open(PATH + ".lock", "w") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    with open(PATH, encoding="utf-8") as f:
        fw = json.load(f)
    runpy.run_path(sys.argv[1])["edit"](fw)
    tmp = PATH + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(fw, f, ensure_ascii=False, indent=2)
        f.write("\n")
    os.replace(tmp, PATH)
