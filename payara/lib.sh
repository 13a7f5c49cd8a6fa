# shellcheck shell=bash
# Functions shared by payara/serve and the test tooling. Source it; it runs nothing by itself.

ft_die() {
  echo "ft: $*" >&2
  exit 1
}

ft_abs_path() {
  case "$1" in
    /*) echo "$1" ;;
    *) echo "$PWD/$1" ;;
  esac
}

# The Java specification version (21, 25…) of the JDK at $1; empty when it has none.
ft_java_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

# A JDK of version 21 or later: JAVA_HOME if it is one, else `java` on the PATH, else Temurin 25.
ft_java_home() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /nonexistent)")")")" \
    /usr/lib/jvm/temurin-25-jdk-amd64; do
    [[ -n "$candidate" && -x "$candidate/bin/java" ]] || continue
    version=$(ft_java_version "$candidate")
    if [[ -n "$version" && "${version%%.*}" -ge 21 ]]; then
      echo "$candidate"
      return
    fi
  done
  ft_die "Payara Micro 7 needs Java 21 or later; set JAVA_HOME to such a JDK"
}

# Builds target/ft.war when it is missing or older than the sources; prints its path.
ft_build_war() {
  local repo=$1 war="$1/target/ft.war"
  if [[ ! -f "$war" || -n "$(find "$repo/src/main" "$repo/sql" "$repo/pom.xml" -newer "$war" -print -quit)" ]]; then
    echo "ft: building the WAR" >&2
    # The tests are neither compiled nor generated (the client made from the API description).
    (cd "$repo" && mvn -q -B package -Dmaven.test.skip=true >&2) || ft_die "the build failed"
  fi
  echo "$war"
}

# Fetches the Payara Micro jar named in pom.xml into target/; prints its path.
ft_payara_micro() {
  local repo=$1 jar="$1/target/payara-micro.jar"
  if [[ ! -f "$jar" ]]; then
    echo "ft: fetching Payara Micro" >&2
    (cd "$repo" && mvn -q -B dependency:copy@payara-micro-for-its >&2) || ft_die "could not fetch Payara Micro"
  fi
  echo "$jar"
}

# Rewrites Grizzly's Http2Session inside the Payara Micro jar given with
# payara/patches/Http2ConnectionCredit.java, so HTTP/2 uploads can pass 2 GiB
# (payara/patches/README.md). The jar keeps the program's digest, so this happens once, and again
# when the program changes. It needs JDK 24 or later (the JDK's class-file API). The runtime jar
# goes back stored, not compressed (u0f), as Payara Micro reads it.
ft_patch_payara_micro() {
  local repo=$1 jar program="$1/payara/patches/Http2ConnectionCredit.java" java_home version
  local digest patched work runtime_jar="MICRO-INF/runtime/nucleus-grizzly-all.jar"
  local class=org/glassfish/grizzly/http2/Http2Session.class
  jar=$(ft_abs_path "$2")
  java_home=$(ft_java_home)
  digest=$(sha256sum "$program")
  digest=${digest%% *}
  patched=$(unzip -p "$jar" MICRO-INF/ft-patches.sha256 2>/dev/null) || patched=""
  [[ "$patched" == "$digest" ]] && return
  if [[ -n "$patched" ]]; then # patched by another version of the program: start from Payara's
    [[ "$jar" == "$repo/target/payara-micro.jar" ]] || ft_die "$jar was patched by another version; patch Payara's own jar"
    rm -f "$jar"
    ft_payara_micro "$repo" >/dev/null
  fi
  version=$(ft_java_version "$java_home")
  ((${version%%.*} >= 24)) || ft_die "patching Grizzly for HTTP/2 needs JDK 24 or later; $java_home is $version"
  echo "ft: patching Grizzly's HTTP/2 flow control in Payara Micro (payara/patches)" >&2
  work=$(mktemp -d)
  if ! (cd "$work" && unzip -q "$jar" "$runtime_jar" && mkdir -p in out \
    && unzip -q "$runtime_jar" "$class" -d in \
    && "$java_home/bin/java" -cp "$runtime_jar" "$program" "in/$class" "out/$(basename "$class")" \
    && mkdir -p "out/$(dirname "$class")" && mv "out/$(basename "$class")" "out/$class" \
    && "$java_home/bin/jar" uf "$runtime_jar" -C out "$class" \
    && printf '%s' "$digest" >MICRO-INF/ft-patches.sha256 \
    && "$java_home/bin/jar" u0f "$jar" MICRO-INF) >&2; then
    rm -rf "$work"
    ft_die "could not patch $jar"
  fi
  rm -rf "$work"
}

# The class path of s3proxy, the S3 implementation the tests run (a test dependency in pom.xml),
# resolved once into target/; prints it.
ft_s3proxy_classpath() {
  local repo=$1 file="$1/target/s3proxy.classpath"
  if [[ ! -s "$file" || "$repo/pom.xml" -nt "$file" ]]; then
    echo "ft: resolving s3proxy" >&2
    (cd "$repo" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$file" >&2) || ft_die "could not resolve s3proxy"
  fi
  cat "$file"
}

# Payara Micro unpacked into DIR with its launcher, launch-micro.jar, and put back as unpacked on
# every later call. The launcher starts Payara from a plain class path, which is what lets an AOT
# cache hold Payara's classes; the unpacked jars keep their dates, which such a cache is checked
# against. Whatever a run leaves (its deployment, its domain.xml) would be started and replaced on
# the next boot, so it goes; the AOT cache (ft.aot*) stays. A newer Payara jar unpacks afresh.
ft_payara_runtime() {
  local micro=$1 dir=$2
  if [[ ! -f "$dir/launch-micro.jar" || "$micro" -nt "$dir/launch-micro.jar" ]]; then
    rm -rf "$dir"
    "$JAVA_HOME/bin/java" -jar "$micro" --rootdir "$dir" --outputlauncher >/dev/null 2>&1 \
      && [[ -f "$dir/launch-micro.jar" ]] || ft_die "could not unpack Payara Micro into $dir"
    cp -a "$dir/config" "$dir/config.unpacked"
  else
    find "$dir" -mindepth 1 -maxdepth 1 ! -name runtime ! -name lib ! -name META-INF \
      ! -name launch-micro.jar ! -name config.unpacked ! -name 'ft.aot*' -exec rm -rf {} +
    cp -a "$dir/config.unpacked" "$dir/config"
  fi
}

# Whether the server on PORT of this machine is alive: its liveness probe answers 200 (an open
# port alone is not enough), within 5 s.
ft_is_live() {
  [[ "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 5 "https://localhost:$1/health/live")" == 200 ]]
}

# A TCP port that nothing on this machine listens on now, for a short-lived private server.
ft_free_port() {
  local candidate
  for _ in $(seq 50); do
    candidate=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || { echo "$candidate"; return; }
  done
  ft_die "found no free port"
}

# Creates a self-signed PKCS12 keystore for localhost, with its password beside it: $2 when
# given (the tests' fixed one), otherwise a random one.
ft_self_signed_keystore() {
  local keystore=$1 dir password
  dir=$(dirname "$keystore")
  [[ -f "$keystore" ]] && return
  mkdir -p "$dir"
  chmod 700 "$dir"
  password=${2:-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')}
  (umask 077 && printf '%s' "$password" > "$dir/keystore.password")
  "$JAVA_HOME/bin/keytool" -genkeypair -alias ft -keyalg EC -groupname secp256r1 -validity 825 \
    -dname "CN=localhost" -ext "SAN=dns:localhost,ip:127.0.0.1,ip:::1" \
    -storetype PKCS12 -keystore "$keystore" -storepass "$password" >/dev/null 2>&1 \
    || ft_die "could not create a self-signed certificate in $keystore"
  chmod 600 "$keystore"
  "$JAVA_HOME/bin/keytool" -exportcert -rfc -alias ft -keystore "$keystore" -storepass "$password" \
    > "$dir/certificate.pem" 2>/dev/null
  echo "ft: created a self-signed certificate for localhost: $dir/certificate.pem (curl --cacert)" >&2
}

ft_first_key_alias() {
  "$JAVA_HOME/bin/keytool" -list -keystore "$1" -storepass "$2" 2>/dev/null \
    | sed -n 's/^\([^,]*\), .*PrivateKeyEntry.*/\1/p' | head -1
}

# One certificate for several nodes and the balancer in front of them: a self-signed keystore as
# ft_self_signed_keystore makes (with password $2 when given), and its private key as PEM beside it
# (key.pem), which nginx needs.
ft_shared_certificate() {
  local keystore=$1 dir
  dir=$(dirname "$keystore")
  ft_self_signed_keystore "$keystore" "${2:-}"
  [[ -f "$dir/key.pem" ]] && return
  (umask 077 && openssl pkcs12 -in "$keystore" -passin "file:$dir/keystore.password" \
    -nocerts -nodes -out "$dir/key.pem" 2>/dev/null) || ft_die "could not export the key of $keystore"
}

# JVM options that point the TLS listener at a keystore, as lines of a java @argfile.
ft_tls_jvm_args() {
  local keystore=$1 password=$2
  password=${password//\\/\\\\}
  password=${password//\"/\\\"}
  printf '"-Djavax.net.ssl.keyStore=%s"\n' "$keystore"
  printf '"-Djavax.net.ssl.keyStorePassword=%s"\n' "$password"
  printf '%s\n' "-Djavax.net.ssl.keyStoreType=PKCS12"
}
