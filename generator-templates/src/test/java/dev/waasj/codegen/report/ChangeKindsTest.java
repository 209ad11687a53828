package dev.waasj.codegen.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.waasj.codegen.report.Change.Kind;
import dev.waasj.codegen.report.Change.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of change the report knows, made by one edit of a small spec ({@code regeneration/base.yaml}), must
 * come out as exactly that change, with its verdict and the Java names the generator gives it.
 */
class ChangeKindsTest {
  static final Path TEMPLATES = Path.of("java");

  @TempDir Path dir;

  static Stream<Arguments> edits() {
    return Stream.of(
        edit("operation added",
            "  /events/{event_id}:\n",
            "  /wallets/{wallet_id}/archive:\n    post:\n      operationId: archive_wallet\n      tags: [Wallets]\n"
                + "      parameters:\n        - {name: wallet_id, in: path, required: true, schema: {type: string}}\n"
                + "      responses:\n        \"204\": {description: Archived}\n  /events/{event_id}:\n",
            expect(Kind.OPERATION_ADDED, Verdict.COMPATIBLE,
                "new `wallets().archiveWallet`, `wallets().archiveWalletAsync`")),
        edit("operation removed",
            "  /events/{event_id}:\n    get:\n      operationId: get_event\n      tags: [Events]\n"
                + "      parameters:\n        - {name: event_id, in: path, required: true, schema: {type: string}}\n"
                + "      responses:\n        \"200\":\n          description: The event\n          content:\n"
                + "            application/json:\n              schema: {$ref: \"#/components/schemas/Event\"}\n",
            "",
            expect(Kind.OPERATION_REMOVED, Verdict.BREAKING, "gone: `events().getEvent`, `events().getEventAsync`")),
        edit("operation deprecated",
            "      operationId: get_wallet\n",
            "      operationId: get_wallet\n      deprecated: true\n",
            expect(Kind.OPERATION_DEPRECATED, Verdict.COMPATIBLE,
                "`wallets().getWallet`, `wallets().getWalletAsync` now carry @Deprecated")),
        edit("operation ID changed",
            "operationId: get_wallet\n", "operationId: get_wallet_by_id\n",
            expect(Kind.METHOD_RENAMED, Verdict.BREAKING, "`wallets().getWallet` is now `wallets().getWalletById`")),
        edit("tag changed",
            "      operationId: get_event\n      tags: [Events]\n", "      operationId: get_event\n      tags: [Wallets]\n",
            expect(Kind.METHOD_RENAMED, Verdict.BREAKING, "`events().getEvent` is now `wallets().getEvent`")),
        edit("return type changed",
            "          description: The event\n          content:\n            application/json:\n"
                + "              schema: {$ref: \"#/components/schemas/Event\"}\n",
            "          description: The event\n          content:\n            application/json:\n"
                + "              schema: {$ref: \"#/components/schemas/WalletCreated\"}\n",
            expect(Kind.RETURN_TYPE_CHANGED, Verdict.BREAKING,
                "`events().getEvent` returns `WalletCreated`, was `Event`")),
        edit("required parameter added",
            "        - {name: wallet_type, in: query, required: false, schema: {type: string}}\n",
            "        - {name: wallet_type, in: query, required: false, schema: {type: string}}\n"
                + "        - {name: chain_id, in: query, required: true, schema: {type: string}}\n",
            expect(Kind.PARAMETER_ADDED, Verdict.BREAKING,
                "the positional `wallets().listWallets(...)` gains the argument `chainId`; `ListWalletsParams`"
                    + " requires it when built")),
        edit("optional parameter added",
            "        - {name: wallet_type, in: query, required: false, schema: {type: string}}\n",
            "        - {name: wallet_type, in: query, required: false, schema: {type: string}}\n"
                + "        - {name: chain_id, in: query, required: false, schema: {type: string}}\n",
            expect(Kind.PARAMETER_ADDED, Verdict.BREAKING,
                "new builder method `ListWalletsParams.Builder.chainId(String)`; the positional"
                    + " `wallets().listWallets(...)` gains the argument `chainId` (calls with `ListWalletsParams`"
                    + " keep compiling)")),
        edit("parameter removed",
            "        - {name: wallet_type, in: query, required: false, schema: {type: string}}\n", "",
            expect(Kind.PARAMETER_REMOVED, Verdict.BREAKING,
                "the positional `wallets().listWallets(...)` loses the argument `walletType`; gone:"
                    + " `ListWalletsParams.Builder.walletType(...)`")),
        edit("parameter type changed",
            "{name: limit, in: query, required: false, schema: {type: integer, format: int32}}",
            "{name: limit, in: query, required: false, schema: {type: integer, format: int64}}",
            expect(Kind.PARAMETER_TYPE_CHANGED, Verdict.BREAKING,
                "`wallets().listWallets` takes `limit` as `Long`, was `Integer`")),
        edit("parameter now required",
            "{name: wallet_type, in: query, required: false,", "{name: wallet_type, in: query, required: true,",
            expect(Kind.PARAMETER_REQUIREMENT_CHANGED, Verdict.BEHAVIOUR,
                "still compiles; a call of `wallets().listWallets` without `walletType` is now refused")),
        edit("response field added",
            "        balance: {type: string, description: The balance in the smallest unit.}\n",
            "        balance: {type: string, description: The balance in the smallest unit.}\n"
                + "        created_at: {type: integer, format: int64, description: Creation time.}\n",
            expect(Kind.FIELD_ADDED, Verdict.COMPATIBLE, "new `Wallet.createdAt()` and builder method (`Long`)")),
        edit("required request field added",
            "        chain: {type: string, description: The chain ID.}\n",
            "        chain: {type: string, description: The chain ID.}\n"
                + "        vault_id: {type: string, description: The vault.}\n",
            "      required: [name]\n      properties:\n        name: {type: string, description: The wallet name.}\n",
            "      required: [name, vault_id]\n      properties:\n        name: {type: string, description: The"
                + " wallet name.}\n",
            expect(Kind.FIELD_ADDED, Verdict.BEHAVIOUR,
                "`CreateWalletParams.Builder.build()` now refuses a builder without it")),
        edit("field removed",
            "        balance: {type: string, description: The balance in the smallest unit.}\n", "",
            expect(Kind.FIELD_REMOVED, Verdict.BREAKING, "gone: `Wallet.balance()` and its builder method")),
        edit("field renamed by the spec",
            "        balance: {type: string, description: The balance in the smallest unit.}\n",
            "        available_balance: {type: string, description: The balance in the smallest unit.}\n",
            expect(Kind.FIELD_RENAMED, Verdict.BREAKING, "`Wallet.balance()` is now `Wallet.availableBalance()`")),
        edit("field type changed",
            "        balance: {type: string, description: The balance in the smallest unit.}\n",
            "        balance: {type: number, description: The balance in the smallest unit.}\n",
            expect(Kind.FIELD_TYPE_CHANGED, Verdict.BREAKING, "`Wallet.balance()` is `BigDecimal`, was `String`")),
        edit("request field now required",
            "      required: [name]\n", "      required: [name, chain]\n",
            expect(Kind.FIELD_REQUIREMENT_CHANGED, Verdict.BEHAVIOUR,
                "still compiles; `CreateWalletParams.Builder.build()` now refuses a builder without it")),
        edit("response field now optional",
            "      required: [wallet_id]\n", "      required: []\n",
            expect(Kind.FIELD_REQUIREMENT_CHANGED, Verdict.BEHAVIOUR, "`Wallet.walletId()` is now @Nullable")),
        edit("enum value added",
            "enum: [Active, Archived]", "enum: [Active, Archived, Frozen]",
            expect(Kind.ENUM_VALUE_ADDED, Verdict.COMPATIBLE,
                "new constant `WalletStatus.FROZEN`; not breaking: our enums are open")),
        edit("enum value removed",
            "enum: [Active, Archived]", "enum: [Active]",
            expect(Kind.ENUM_VALUE_REMOVED, Verdict.BREAKING, "gone: constant `WalletStatus.ARCHIVED`")),
        edit("inline enum value added",
            "enum: [Custodial, MPC]", "enum: [Custodial, MPC, Exchange]",
            expect(Kind.ENUM_VALUE_ADDED, Verdict.COMPATIBLE, "new constant `Wallet.TypeEnum.EXCHANGE`")),
        edit("oneOf variant added",
            "        - $ref: \"#/components/schemas/WalletArchived\"\n",
            "        - $ref: \"#/components/schemas/WalletArchived\"\n        - $ref: \"#/components/schemas/WalletFrozen\"\n",
            "          WalletArchived: \"#/components/schemas/WalletArchived\"\n",
            "          WalletArchived: \"#/components/schemas/WalletArchived\"\n"
                + "          WalletFrozen: \"#/components/schemas/WalletFrozen\"\n",
            expect(Kind.ONEOF_VARIANT_ADDED, Verdict.BEHAVIOUR,
                "`WalletFrozen` now implements `Event`; JSON of that shape read as `Event.Unknown` before")),
        edit("oneOf variant removed",
            "        - $ref: \"#/components/schemas/WalletArchived\"\n", "",
            "          WalletArchived: \"#/components/schemas/WalletArchived\"\n", "",
            expect(Kind.ONEOF_VARIANT_REMOVED, Verdict.BREAKING, "`WalletArchived` no longer implements `Event`")),
        edit("model added",
            "    WalletFrozen:\n", "    WalletDeleted:\n      type: object\n      properties:\n"
                + "        wallet_id: {type: string}\n    WalletFrozen:\n",
            expect(Kind.MODEL_ADDED, Verdict.COMPATIBLE, "new class `WalletDeleted`")),
        edit("model removed",
            "    WalletFrozen:\n      type: object\n      required: [event_type]\n      properties:\n"
                + "        event_type: {type: string}\n        wallet_id: {type: string}\n", "",
            expect(Kind.MODEL_REMOVED, Verdict.BREAKING, "gone: class `WalletFrozen`")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void oneEditOneChange(String name, List<String> replacements, Change expected) throws IOException {
    String base = base();
    String edited = base;
    for (int i = 0; i < replacements.size(); i += 2) {
      assertThat(edited).as("the edit's text is in the base spec").contains(replacements.get(i));
      edited = edited.replace(replacements.get(i), replacements.get(i + 1));
    }
    Report report = Report.compare(write("before.yaml", base), write("after.yaml", edited), TEMPLATES);

    assertThat(report.changes())
        .extracting(Change::kind, Change::verdict)
        .containsExactly(tuple(expected.kind(), expected.verdict()));
    assertThat(report.changes().get(0).java()).contains(expected.java());
    assertThat(report.sourceCompatible()).isEqualTo(expected.verdict() != Verdict.BREAKING);
    assertThat(ReportWriter.markdown(report)).contains(expected.java());
  }

  @Test
  void anOptionalParameterBreaksOnlyPositionalCalls() throws IOException {
    String base = base();
    String edited = base.replace(
        "        - {name: wallet_type, in: query, required: false, schema: {type: string}}\n",
        "        - {name: wallet_type, in: query, required: false, schema: {type: string}}\n"
            + "        - {name: chain_id, in: query, required: false, schema: {type: string}}\n");
    Report report = Report.compare(write("before.yaml", base), write("after.yaml", edited), TEMPLATES);

    assertThat(report.sourceCompatible()).isFalse();
    assertThat(report.sourceCompatibleWithParameterObjects()).isTrue();
    assertThat(report.summary()).contains("1 of them only for positional calls");
  }

  @Test
  void theSameSpecInTwoFilesHasNoChange() throws IOException {
    Report report = Report.compare(write("a.yaml", base()), write("b.yaml", base()), TEMPLATES);

    assertThat(report.changes()).isEmpty();
    assertThat(report.sourceCompatible()).isTrue();
    assertThat(report.summary()).startsWith("no change.").contains("still compiles");
  }

  private static Arguments edit(String name, String from, String to, Change expected) {
    return Arguments.of(name, List.of(from, to), expected);
  }

  private static Arguments edit(String name, String from, String to, String from2, String to2, Change expected) {
    return Arguments.of(name, List.of(from, to, from2, to2), expected);
  }

  private static Change expect(Kind kind, Verdict verdict, String java) {
    return new Change("", kind, verdict, null, null, null, "", java, false);
  }

  static String base() throws IOException {
    try (var in = ChangeKindsTest.class.getResourceAsStream("/regeneration/base.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
