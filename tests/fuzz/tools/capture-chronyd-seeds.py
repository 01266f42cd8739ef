#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Captures real chronyd replies on loopback as seeds for fuzz_ntppacket and fuzz_replyvalidator:
# starts chronyd (-x, never touching the clock; as root without CAP_SYS_TIME, like
# tests/interop/chronydinstance.cpp) with a key file, sends plain, authenticated (every MAC type)
# and extension-field requests, and writes each request/reply pair to the seed directories.
# Usage: capture-chronyd-seeds.py CHRONYD OUTDIR   (OUTDIR gets ntppacket/ and replyvalidator/)
import hashlib, os, socket, struct, subprocess, sys, tempfile, time

KEYS = {  # id: (chrony type, secret) — the same secrets as tests/unit/data/ntp-mac-vectors.json
    1: ("MD5", bytes.fromhex("0102030405060708090A0B0C0D0E0F1011121314")),
    2: ("SHA1", bytes.fromhex("2122232425262728292A2B2C2D2E2F3031323334")),
    3: ("SHA256", bytes.fromhex("4142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F60")),
    4: ("AES128", bytes.fromhex("000102030405060708090A0B0C0D0E0F")),
    5: ("AES256", bytes.fromhex("808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9F")),
}

def mac(key_type, secret, data):
    if key_type in ("MD5", "SHA1", "SHA256"):
        digest = hashlib.new(key_type.lower(), secret + data).digest()
        return digest[:20]
    from cryptography.hazmat.primitives.cmac import CMAC  # AES-CMAC
    from cryptography.hazmat.primitives.ciphers import algorithms
    c = CMAC(algorithms.AES(secret)); c.update(data); return c.finalize()

def header(version=4, nonce=None):
    nonce = nonce if nonce is not None else os.urandom(8)
    return bytes([(version << 3) | 3, 0, 6, 0x20]) + bytes(36) + nonce, nonce

def ntp_now():
    t = time.time() + 2208988800
    return struct.pack(">II", int(t), int((t % 1) * 2**32))

def main():
    chronyd, out = sys.argv[1], sys.argv[2]
    for sub in ("ntppacket", "replyvalidator"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    tmp = tempfile.mkdtemp()
    port = 11000 + os.getpid() % 5000
    with open(os.path.join(tmp, "chrony.keys"), "w") as f:
        for kid, (kt, secret) in KEYS.items():
            f.write(f"{kid} {kt} HEX:{secret.hex().upper()}\n")
    os.chmod(os.path.join(tmp, "chrony.keys"), 0o600)
    with open(os.path.join(tmp, "chronyd.conf"), "w") as f:
        f.write(f"local stratum 1\nallow 127.0.0.0/8\nbindaddress 127.0.0.1\nport {port}\ncmdport 0\n"
                f"bindcmdaddress /\nkeyfile {tmp}/chrony.keys\npidfile {tmp}/chronyd.pid\ndumpdir {tmp}\n")
    cmd = [chronyd, "-4", "-x", "-d", "-f", os.path.join(tmp, "chronyd.conf")]
    if os.geteuid() == 0:
        cmd = ["setpriv", "--inh-caps", "-sys_time", "--bounding-set", "-sys_time"] + cmd + ["-u", "root"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.settimeout(0.5)
        sock.bind(("127.0.0.1", 0))
        requests = []
        for version in (4, 3, 2):
            requests.append((f"plain_v{version}", header(version)))
        for kid, (kt, secret) in KEYS.items():
            h, nonce = header()
            requests.append((f"mac_{kt.lower()}", (h + struct.pack(">I", kid) + mac(kt, secret, h), nonce)))
        h, nonce = header()
        requests.append(("mac_unknown_key", (h + struct.pack(">I", 77) + bytes(20), nonce)))
        h, nonce = header()
        requests.append(("mac_bad_digest", (h + struct.pack(">I", 2) + bytes(20), nonce)))
        # An experimental chrony extension field (0xF323, 28 bytes) and an unknown one (0x2005).
        for name, ef_type in (("ef_f323", 0xF323), ("ef_unknown", 0x2005)):
            h, nonce = header()
            ef = struct.pack(">HH", ef_type, 28) + bytes(24)
            requests.append((name, (h + ef, nonce)))
        h, nonce = header()
        ef = struct.pack(">HH", 0x2005, 16) + bytes(12)
        requests.append(("ef_then_mac", (h + ef + struct.pack(">I", 1) + mac("MD5", KEYS[1][1], h + ef), nonce)))
        time.sleep(1)  # chronyd starting
        missing = []
        captured = 0
        for name, (request, nonce) in requests:
            for _attempt in range(3):  # chronyd answers nothing it refuses (bad MAC, unknown key)
                t1 = ntp_now()
                sock.sendto(request, ("127.0.0.1", port))
                try:
                    reply, _ = sock.recvfrom(2048)
                    break
                except socket.timeout:
                    reply = None
            if reply is None:
                missing.append(name)
                continue
            t4 = ntp_now()
            captured += 1
            with open(os.path.join(out, "ntppacket", f"chronyd_{name}"), "wb") as f:
                f.write(reply)
            with open(os.path.join(out, "ntppacket", f"request_{name}"), "wb") as f:
                f.write(request)
            # fuzz_replyvalidator input: nonce(8) T1(8) T4(8) key index(1) then the reply.
            kid = struct.unpack(">I", request[48:52])[0] if len(request) in (68, 72) else 0
            if name == "ef_then_mac":
                kid = 1
            with open(os.path.join(out, "replyvalidator", f"chronyd_{name}"), "wb") as f:
                f.write(nonce + t1 + t4 + bytes([kid if kid in KEYS else 0]) + reply)
        print(f"captured {captured} of {len(requests)} replies; no reply to: {missing}")
    finally:
        proc.terminate()
        proc.wait()

if __name__ == "__main__":
    main()
