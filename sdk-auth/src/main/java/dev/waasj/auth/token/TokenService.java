package dev.waasj.auth.token;

import java.util.Map;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.Query;

/** The HTTP binding of the token endpoint; paths are relative to the base URL, like generated APIs. */
interface TokenService {
  @Headers("Accept: application/json")
  @GET("oauth/token")
  TokenResponse getToken(
      @Query("client_id") String clientId, @Query("org_id") String orgId, @Query("grant_type") String grantType);

  @Headers("Accept: application/json")
  @POST("oauth/token")
  TokenResponse refreshToken(@Body Map<String, String> body);
}
