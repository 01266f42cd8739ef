# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for chronoscope-cli: commands, keys actions, each command's options and
# file names for the options that take files. Installed by packaging/linux/CMakeLists.txt;
# tests/packaging/checkcompletions.cmake runs it and checks that it offers every option
# `chronoscope-cli COMMAND --help` prints for that command.

_chronoscope_cli()
{
    local cur prev words cword split
    _init_completion -s || return

    local command="" action="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -*) ;;
            *)
                if [[ -z $command ]]; then
                    command=${words[i]}
                elif [[ ($command == keys || $command == system) && -z $action ]]; then
                    action=${words[i]}
                fi
                ;;
        esac
    done

    case $prev in
        --keys | --nts-ca | --store | --chronyd-socket)
            _filedir
            return
            ;;
        --type)
            COMPREPLY=($(compgen -W "md5 sha1 sha256 aes128 aes256" -- "$cur"))
            return
            ;;
        --format)
            COMPREPLY=($(compgen -W "chrony ntp" -- "$cur"))
            return
            ;;
        --daemon)
            COMPREPLY=($(compgen -W "chronyd timesyncd ntpd" -- "$cur"))
            return
            ;;
        --samples | --interval | --timeout | --minsources | --duration | --metrics | --key | --port | \
            --window | --id | --label | --chronyd-port)
            return
            ;;
        --pool | --nts | --probe | --server | --ntpd)
            _known_hosts_real -- "$cur"
            return
            ;;
    esac
    $split && return

    local options=""
    case $command in
        "")
            COMPREPLY=($(compgen -W "check monitor step diagnose keys system help --help --version" -- "$cur"))
            return
            ;;
        help)
            COMPREPLY=($(compgen -W "check monitor step diagnose keys system" -- "$cur"))
            return
            ;;
        check) options="--json --samples --interval --timeout --minsources --pool --allow-fast-polling --no-kernel-timestamps --keys --key --nts --nts-ca" ;;
        monitor) options="--json --samples --interval --timeout --minsources --pool --allow-fast-polling --no-kernel-timestamps --keys --key --nts --nts-ca --duration --metrics" ;;
        step) options="--dry-run --yes --yes-very-large --samples --interval --timeout --minsources --pool --allow-fast-polling --no-kernel-timestamps --keys --key --nts --nts-ca" ;;
        diagnose) options="--json --port --probe --window --samples --interval --timeout" ;;
        system)
            case $action in
                apply | revert) options="--daemon --yes --dry-run --json" ;;
                *)
                    options="--json --chronyd-socket --chronyd-port --via-helper --ntpd --timesyncd"
                    if [[ $cur != -* && -z $action ]]; then
                        COMPREPLY=($(compgen -W "apply revert" -- "$cur"))
                        return
                    fi
                    ;;
            esac
            ;;
        keys)
            case $action in
                "")
                    COMPREPLY=($(compgen -W "generate list import export delete --help" -- "$cur"))
                    return
                    ;;
                generate) options="--store --type --id --label --server --show-secrets --keyring --no-keyring" ;;
                list) options="--store --json --show-secrets" ;;
                import) options="--store --format --accept-valid-lines --replace --keyring --no-keyring" ;;
                export) options="--store --format --id" ;;
                delete) options="--store --keyring --no-keyring" ;;
            esac
            if [[ $cur != -* && ($action == import || $action == export) ]]; then
                _filedir
                return
            fi
            ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options --help" -- "$cur"))
    elif [[ $command != keys && $command != system ]]; then
        _known_hosts_real -- "$cur"   # SERVER arguments
    fi
}
complete -F _chronoscope_cli chronoscope-cli
