package dev.waasj.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaasjJavaCodegenTest {
  @ParameterizedTest
  @CsvSource({
    "OAuthApi, oauth",
    "WalletsApi, wallets",
    "WalletsMpcWalletsApi, walletsMpcWallets",
    "GraphQlApi, graphql",
    "GraphQLApi, graphql",
    "AddressBooksApi, addressBooks",
    "NFTTokensApi, nftTokens",
    "DefaultApi, default",
    "Api, api"
  })
  void accessorNamesReadAsJava(String apiClass, String accessor) {
    assertThat(WaasjJavaCodegen.accessorName(apiClass)).isEqualTo(accessor);
  }
}
