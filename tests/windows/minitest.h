// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A minimal test harness for the Windows helper tests: Qt Test is not available for mingw-w64,
// and these programs must link nothing but the helper itself. TEST(name) registers a function;
// CHECK/CHECK_EQ record failures with file:line and the values; a test that checks nothing
// fails. main() runs every test (or those named on the command line) and returns the number
// of failed tests.
#include <cstdio>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace minitest {

struct Test
{
    const char *name;
    std::function<void()> body;
};

inline std::vector<Test> &registry()
{
    static std::vector<Test> tests;
    return tests;
}

struct State
{
    int checks = 0;
    int failures = 0;
};

inline State &state()
{
    static State s;
    return s;
}

struct Registrar
{
    Registrar(const char *name, std::function<void()> body) { registry().push_back({name, std::move(body)}); }
};

inline void fail(const char *file, int line, const std::string &what)
{
    ++state().failures;
    std::fprintf(stderr, "  FAIL %s:%d: %s\n", file, line, what.c_str());
}

template <typename T>
std::string show(const T &value)
{
    std::ostringstream out;
    if constexpr (std::is_enum_v<T>)
        out << static_cast<long long>(value);
    else
        out << value;
    return out.str();
}

inline int runAll(int argc, char **argv)
{
    int failed = 0, ran = 0;
    for (const Test &test : registry()) {
        if (argc > 1) {
            bool wanted = false;
            for (int i = 1; i < argc; ++i)
                wanted = wanted || std::string_view(argv[i]) == test.name;
            if (!wanted)
                continue;
        }
        state() = {};
        test.body();
        ++ran;
        if (state().checks == 0)
            fail(__FILE__, __LINE__, "the test checked nothing");
        std::printf("%s %s (%d checks)\n", state().failures ? "FAIL" : "PASS", test.name, state().checks);
        std::fflush(stdout);
        if (state().failures)
            ++failed;
    }
    if (ran == 0) {
        std::fprintf(stderr, "no test matched\n");
        return 1;
    }
    std::printf("%d of %d tests passed\n", ran - failed, ran);
    return failed;
}

} // namespace minitest

#define MINITEST_CAT2(a, b) a##b
#define MINITEST_CAT(a, b) MINITEST_CAT2(a, b)
#define TEST(name)                                                                                 \
    static void name();                                                                            \
    static const minitest::Registrar MINITEST_CAT(registrar_, name)(#name, name);                  \
    static void name()
#define CHECK(cond)                                                                                \
    do {                                                                                           \
        ++minitest::state().checks;                                                                \
        if (!(cond))                                                                               \
            minitest::fail(__FILE__, __LINE__, "CHECK(" #cond ")");                                \
    } while (0)
#define CHECK_EQ(actual, expected)                                                                 \
    do {                                                                                           \
        ++minitest::state().checks;                                                                \
        const auto &a_ = (actual);                                                                 \
        const auto &e_ = (expected);                                                               \
        if (!(a_ == e_))                                                                           \
            minitest::fail(__FILE__, __LINE__,                                                     \
                           #actual " == " #expected ": got " + minitest::show(a_) + ", expected "  \
                               + minitest::show(e_));                                              \
    } while (0)
#define MINITEST_MAIN()                                                                            \
    int main(int argc, char **argv) { return minitest::runAll(argc, argv); }
