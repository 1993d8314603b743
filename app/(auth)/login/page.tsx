import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "@/app/(auth)/login/login-form";
import { textLink } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const { next } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-xl font-semibold">Sign in to Plugipay</h1>
      <LoginForm next={typeof next === "string" ? next : undefined} />
      <p className="mt-6 text-sm text-slate-700">
        New to Plugipay?{" "}
        <Link className={textLink} href="/signup">
          Create a workspace
        </Link>
      </p>
    </>
  );
}
