#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Captures a real NTS exchange with chronyd on loopback as seeds for fuzz_ntske and fuzz_ntsfields:
# starts chronyd as an NTS server (-x, never touching the clock; as root without CAP_SYS_TIME,
# like tests/interop/chronydinstance.cpp) with a throw-away self-signed certificate, runs the
# NTS-KE handshake (TLS 1.3, ALPN ntske/1), exports the C2S/S2C keys, sends one NTS-protected NTP
# request with a cookie it got and decrypts chronyd's reply. Writes:
#   ntske/:     the KE request, chronyd's KE response, the response cut before its End record
#   ntsfields/: the NTS request and chronyd's NTS reply (whole datagrams) and the reply's
#               decrypted authenticator contents (the encrypted extension fields with new cookies)
# Needs python3 with `cryptography` (AES, CMAC) and `pyOpenSSL` (TLS exporter; Debian: python3-openssl),
# and openssl.
# Usage: capture-nts-seeds.py CHRONYD OUTDIR
import os, socket, struct, subprocess, sys, tempfile, time

from OpenSSL import SSL
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC

EXPORTER_LABEL = b"EXPORTER-network-time-security"
AEAD_AES_SIV_CMAC_256 = 15


# AES-SIV-CMAC-256 (RFC 5297) from AES-CMAC and AES-CTR: cryptography's AESSIV refuses an empty
# plaintext, which is what an NTS request authenticates.
def _cmac(key, data):
    c = CMAC(algorithms.AES(key))
    c.update(data)
    return c.finalize()


def _dbl(block):
    n = int.from_bytes(block, "big") << 1
    if n >> 128:
        n ^= 0x87
    return (n & ((1 << 128) - 1)).to_bytes(16, "big")


def _xor(a, b):
    return bytes(x ^ y for x, y in zip(a, b))


def _s2v(key, strings):
    d = _cmac(key, bytes(16))
    for s in strings[:-1]:
        d = _xor(_dbl(d), _cmac(key, s))
    last = strings[-1]
    if len(last) >= 16:
        t = last[:-16] + _xor(last[-16:], d)
    else:
        t = _xor(_dbl(d), last + b"\x80" + bytes(15 - len(last)))
    return _cmac(key, t)


def _ctr(key, v, data):
    q = bytearray(v)
    q[8] &= 0x7F
    q[12] &= 0x7F
    encryptor = Cipher(algorithms.AES(key), modes.CTR(bytes(q))).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def siv_encrypt(key, plaintext, associated):
    v = _s2v(key[:16], associated + [plaintext])
    return v + _ctr(key[16:], v, plaintext)


def siv_decrypt(key, ciphertext, associated):
    v, body = ciphertext[:16], ciphertext[16:]
    plaintext = _ctr(key[16:], v, body)
    if _s2v(key[:16], associated + [plaintext]) != v:
        raise ValueError("the reply's authenticator does not verify")
    return plaintext


def free_port(kind):
    s = socket.socket(socket.AF_INET, kind)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def record(rtype, body, critical=True):
    return struct.pack(">HH", (0x8000 if critical else 0) | rtype, len(body)) + body


def records(data):
    out, pos = [], 0
    while pos + 4 <= len(data):
        rtype, length = struct.unpack(">HH", data[pos:pos + 4])
        out.append((rtype & 0x7FFF, data[pos + 4:pos + 4 + length]))
        pos += 4 + length
    return out


def extension_field(ftype, body):
    body += bytes(-len(body) % 4)
    return struct.pack(">HH", ftype, 4 + len(body)) + body


def fields(datagram):
    out, pos = [], 48
    while pos + 4 <= len(datagram):
        ftype, length = struct.unpack(">HH", datagram[pos:pos + 4])
        out.append((ftype, pos, datagram[pos + 4:pos + length]))
        pos += length
    return out


def write(directory, name, data):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def main(chronyd, outdir):
    work = tempfile.mkdtemp(prefix="nts-seeds-")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", f"{work}/server.key", "-out", f"{work}/server.pem", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
                   check=True, capture_output=True)
    ntp_port, ke_port = free_port(socket.SOCK_DGRAM), free_port(socket.SOCK_STREAM)
    with open(f"{work}/chronyd.conf", "w") as f:
        f.write(f"local stratum 1\nallow 127.0.0.0/8\nbindaddress 127.0.0.1\nport {ntp_port}\ncmdport 0\n"
                f"bindcmdaddress /\npidfile {work}/chronyd.pid\ndumpdir {work}\nntsdumpdir {work}\n"
                f"ntsserverkey {work}/server.key\nntsservercert {work}/server.pem\nntsport {ke_port}\n"
                f"ntsprocesses 0\nntsntpserver 127.0.0.1\n")
    args = [chronyd, "-4", "-x", "-d", "-f", f"{work}/chronyd.conf"]
    if os.geteuid() == 0:  # never with CAP_SYS_TIME
        args = ["setpriv", "--inh-caps", "-sys_time", "--bounding-set", "-sys_time"] + args + ["-u", "root"]
    server = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ke_request = (record(1, struct.pack(">H", 0)) + record(4, struct.pack(">H", AEAD_AES_SIV_CMAC_256))
                      + record(0, b""))
        for _ in range(100):
            try:
                sock = socket.create_connection(("127.0.0.1", ke_port), timeout=5)
                break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("chronyd's NTS-KE port did not open")
        sock.settimeout(None)  # pyOpenSSL wants a blocking socket
        context = SSL.Context(SSL.TLS_METHOD)
        context.set_min_proto_version(SSL.TLS1_3_VERSION)
        context.set_alpn_protos([b"ntske/1"])
        tls = SSL.Connection(context, sock)
        tls.set_tlsext_host_name(b"localhost")
        tls.set_connect_state()
        tls.do_handshake()
        tls.sendall(ke_request)
        response = b""
        while True:
            try:
                chunk = tls.recv(16384)
            except (SSL.ZeroReturnError, SSL.SysCallError):
                break
            if not chunk:
                break
            response += chunk
        c2s = tls.export_keying_material(EXPORTER_LABEL, 32, struct.pack(">HHB", 0, AEAD_AES_SIV_CMAC_256, 0))
        s2c = tls.export_keying_material(EXPORTER_LABEL, 32, struct.pack(">HHB", 0, AEAD_AES_SIV_CMAC_256, 1))
        sock.close()
        cookies = [body for rtype, body in records(response) if rtype == 5]
        if not cookies:
            sys.exit(f"no cookies in chronyd's NTS-KE response: {response.hex()}")
        write(f"{outdir}/ntske", "client_request", ke_request)
        write(f"{outdir}/ntske", "chronyd_response", response)
        write(f"{outdir}/ntske", "chronyd_response_without_end", response[:-4])

        # NTP request: header (v4, client), Unique Identifier, Cookie, Authenticator (empty plaintext).
        header = bytes([0x23, 0, 6, 0x20]) + bytes(36) + os.urandom(8)
        unsigned = header + extension_field(0x0104, os.urandom(32)) + extension_field(0x0204, cookies[0])
        nonce = os.urandom(16)
        ciphertext = siv_encrypt(c2s, b"", [unsigned, nonce])
        request = unsigned + extension_field(0x0404, struct.pack(">HH", len(nonce), len(ciphertext)) + nonce
                                             + ciphertext)
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.settimeout(5)
        udp.sendto(request, ("127.0.0.1", ntp_port))
        reply, _ = udp.recvfrom(4096)
        write(f"{outdir}/ntsfields", "client_request", request)
        write(f"{outdir}/ntsfields", "chronyd_reply", reply)
        for ftype, offset, body in fields(reply):
            if ftype == 0x0404:
                nonce_len, cipher_len = struct.unpack(">HH", body[:4])
                nonce_end = 4 + nonce_len + (-nonce_len % 4)
                reply_nonce = body[4:4 + nonce_len]
                plaintext = siv_decrypt(s2c, body[nonce_end:nonce_end + cipher_len], [reply[:offset], reply_nonce])
                write(f"{outdir}/ntsfields", "chronyd_reply_encrypted_fields", plaintext)
        print(f"ntske: KE response {len(response)} bytes, {len(cookies)} cookies; "
              f"ntsfields: request {len(request)} bytes, reply {len(reply)} bytes")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: capture-nts-seeds.py CHRONYD OUTDIR")
    main(sys.argv[1], sys.argv[2])
