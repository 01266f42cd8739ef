// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/daemontarget.h"

#include <dirent.h>
#include <fstream>
#include <sstream>
#include <vector>

#include <sys/stat.h>

namespace chronoscope::helper {

using protocol::timeservice::Daemon;
using protocol::timeservice::Status;

namespace {

constexpr const char *SOURCES_DIR = "/etc/chrony/sources.d";

bool isRegularFile(const std::string &path)
{
    struct stat st{};
    return lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool exists(const std::string &path)
{
    struct stat st{};
    return lstat(path.c_str(), &st) == 0;
}

// Whitespace-separated words of each non-comment line of a file (at most 1 MiB read).
std::vector<std::vector<std::string>> directives(const std::string &path)
{
    std::vector<std::vector<std::string>> out;
    std::ifstream in(path);
    std::string line;
    std::size_t total = 0;
    while (std::getline(in, line) && (total += line.size()) <= ConfigDirectory::MAX_FILE_SIZE) {
        std::istringstream words(line);
        std::vector<std::string> w;
        for (std::string word; words >> word;)
            w.push_back(word);
        if (!w.empty() && w[0][0] != '#' && w[0][0] != '!' && w[0][0] != ';' && w[0][0] != '%')
            out.push_back(std::move(w));
    }
    return out;
}

std::string withoutTrailingSlash(std::string path)
{
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    return path;
}

} // namespace

ConfigDirectory::Result resolveDaemonTarget(const TimeServiceHost &host, Daemon daemon, DaemonTarget &target)
{
    const std::string root = host.root();
    target = DaemonTarget{};
    target.daemon = daemon;
    switch (daemon) {
    case Daemon::Chronyd:
        target.directory = root + SOURCES_DIR;
        target.fileName = "chronoscope.sources";
        return {};
    case Daemon::Timesyncd:
        target.directory = root + "/etc/systemd/timesyncd.conf.d";
        target.fileName = "chronoscope.conf";
        target.unit = "systemd-timesyncd.service";
        target.createDirectory = true;
        return {};
    case Daemon::Ntpd:
        target.fileName = "ntp.conf";
        target.wholeFile = true;
        if (exists(root + "/etc/ntpsec/ntp.conf")) {
            target.directory = root + "/etc/ntpsec";
            target.unit = "ntpsec.service";
            target.ntpsec = true;
            return {};
        }
        if (exists(root + "/etc/ntp.conf")) {
            target.directory = root + "/etc";
            target.unit = "ntp.service";
            return {};
        }
        break;
    }
    ConfigDirectory::Result r;
    r.status = Status::ConfigMissing;
    r.detail = "neither " + root + "/etc/ntpsec/ntp.conf nor " + root + "/etc/ntp.conf exists";
    return r;
}

ConfigDirectory::Result checkChronySourcedir(const TimeServiceHost &host)
{
    const std::string root = host.root();
    std::string conf = root + "/etc/chrony/chrony.conf";
    if (!isRegularFile(conf))
        conf = root + "/etc/chrony.conf";
    ConfigDirectory::Result r;
    if (!isRegularFile(conf)) {
        r.status = Status::ConfigMissing;
        r.detail = "no chrony.conf in " + root + "/etc/chrony or " + root + "/etc";
        return r;
    }
    const std::string wanted = root + SOURCES_DIR;
    std::vector<std::string> files{conf};
    for (std::size_t i = 0; i < files.size() && i < 64; ++i) {
        for (const std::vector<std::string> &d : directives(files[i])) {
            if (d[0] == "sourcedir" && d.size() >= 2) {
                const std::string dir = withoutTrailingSlash(d[1]);
                if (dir == wanted || root + dir == wanted)
                    return r;
            } else if (d[0] == "confdir" && i == 0) {
                // confdir DIR...: the *.conf files of those directories are read with chrony.conf.
                for (std::size_t k = 1; k < d.size(); ++k) {
                    const std::string dir = d[k].rfind(root, 0) == 0 ? d[k] : root + d[k];
                    if (DIR *listing = opendir(dir.c_str())) {
                        while (dirent *e = readdir(listing)) {
                            const std::string name = e->d_name;
                            if (name.size() > 5 && name.compare(name.size() - 5, 5, ".conf") == 0
                                && isRegularFile(dir + "/" + name))
                                files.push_back(dir + "/" + name);
                        }
                        closedir(listing);
                    }
                }
            }
        }
    }
    r.status = Status::NotIncluded;
    r.detail = conf + " has no 'sourcedir " + std::string(SOURCES_DIR) + "' line: add it by hand, the helper never edits chrony.conf";
    return r;
}

} // namespace chronoscope::helper
